package org.jixiao.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.index.ProvinceBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of {@code SOLR=1 bench/province.sh} end to end on a tiny size: it starts its own
 * 2-node cluster, indexes the same synthetic reports into the embedded index and into the
 * collection, and prints the figures of both; afterwards the cluster is down. Only that the run
 * is complete and consistent is asserted, never a speed (speed is what the script is for).
 */
class ProvinceBenchmarkClusterTest {

    @Test
    void runsLuceneAndSolrCloudSideBySideAndPrintsBothStoresFigures(@TempDir Path dir) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<ProvinceBenchmark.Figures> figures;
        try (PrintStream tee = new PrintStream(new TeeStream(console, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            figures = ProvinceBenchmarkCluster.run(dir.resolve("cluster"), dir.resolve("lucene"),
                    "--reports", "200", "--rows", "5", "--qps", "50");
        } finally {
            System.setOut(console);
        }

        assertEquals(List.of(ProvinceBenchmarkCluster.LUCENE_LABEL, ProvinceBenchmarkCluster.SOLR_LABEL),
                figures.stream().map(ProvinceBenchmark.Figures::label).toList());
        for (ProvinceBenchmark.Figures f : figures) {
            assertEquals(200, f.indexed().reports(), f.label());
            assertEquals(1_000, f.indexed().rows(), f.label());
            assertEquals(0, f.queryErrors(), f.label());
            assertTrue(f.diskBytes() > 0, f.label() + " measured on disk");
            for (String kind : List.of("text", "filter", "range", "facet")) {
                assertTrue(f.afterIndexing().get(kind)[0] >= 0, f.label() + " " + kind);
            }
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        for (String label : List.of(ProvinceBenchmarkCluster.LUCENE_LABEL, ProvinceBenchmarkCluster.SOLR_LABEL)) {
            assertTrue(out.contains("== " + label + " =="), label);
            assertTrue(out.contains("| " + label + " |"), label + "'s table row");
        }
        for (String line : List.of("indexed 200 reports, 1,000 indicator rows", "query p50/p99 ms, while indexing:",
                "query p50/p99 ms, after indexing, one pass of 200:", "MB per million indicator rows",
                "whole process while indexing:", "after indexing, the same 200 without facets:")) {
            assertEquals(2, out.split(java.util.regex.Pattern.quote(line), -1).length - 1, line);
        }
    }

    /** Writes to the console and to a buffer: the run stays visible in the test's output. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}

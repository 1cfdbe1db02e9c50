package org.jixiao.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jixiao.index.ReportFixture;
import org.jixiao.index.ReportIndex;

/**
 * Kills a separate indexing process mid-batch ({@link Process#destroyForcibly}, no shutdown hooks,
 * no close) and checks what is on disk: Lucene's CheckIndex finds no damage, every report present
 * has all its rows, and everything committed before the kill is there.
 */
class IndexCrashTest {

    /** Time after a commit before the kill: inside the next batch, which takes longer than this. */
    private static final long[] KILL_DELAYS_MS = {40, 170};

    @TempDir
    Path dir;

    @Test
    void aKilledIndexerLeavesAConsistentIndex() throws Exception {
        int committedBefore = 0;
        for (int run = 0; run < KILL_DELAYS_MS.length; run++) {
            int committed = killMidBatch("run" + run, KILL_DELAYS_MS[run]);
            committedBefore += committed;
            int present = checkConsistent();
            assertTrue(present >= committedBefore, "committed " + committedBefore + " but only " + present + " present");
            // Whole batches only: a kill never leaves part of a batch.
            assertEquals(0, present % IndexingLoop.REPORTS_PER_BATCH, "reports present: " + present);
            committedBefore = present;
        }
        // The writer's lock died with the process: the index opens for writing again.
        try (ReportIndex index = ReportIndex.open(dir, ReportFixture.REGIONS)) {
            index.add(IndexingLoop.report("after", 1));
        }
        assertEquals(committedBefore + 1, checkConsistent());
    }

    /** Starts the loop, waits for two commits, kills it {@code delayMs} later; returns the reports it had committed. */
    private int killMidBatch(String run, long delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IndexingLoop.class.getName(), dir.toString(), run).redirectErrorStream(true);
        Process p = pb.start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int commits = 0;
            String line;
            while (commits < 2 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    commits++;
                    committed = Integer.parseInt(line.substring("committed ".length()));
                } else {
                    System.out.println("[indexing loop] " + line);
                }
            }
            assertEquals(2, commits, "the indexing loop stopped before committing twice");
            Thread.sleep(delayMs);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        return committed;
    }

    /** Checks the index on disk; returns the number of reports in it. */
    private int checkConsistent() throws Exception {
        try (Directory d = FSDirectory.open(dir)) {
            try (CheckIndex check = new CheckIndex(d)) {
                assertTrue(check.checkIndex().clean, "CheckIndex found damage");
            }
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                Map<String, Integer> expectedRows = new HashMap<>();
                Map<String, Integer> rows = new HashMap<>();
                for (var leaf : reader.leaves()) {
                    StoredFields stored = leaf.reader().storedFields();
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live != null && !live.get(doc)) continue;
                        Document document = stored.document(doc, Set.of(IndexSchema.TYPE, IndexSchema.SHA256,
                                IndexSchema.INDICATOR_COUNT, IndexSchema.BUDGET_COUNT));
                        String sha = document.get(IndexSchema.SHA256);
                        if (IndexSchema.TYPE_REPORT.equals(document.get(IndexSchema.TYPE))) {
                            int n = document.getField(IndexSchema.INDICATOR_COUNT).numericValue().intValue()
                                    + document.getField(IndexSchema.BUDGET_COUNT).numericValue().intValue();
                            assertEquals(null, expectedRows.put(sha, n), "report " + sha + " twice");
                        } else {
                            rows.merge(sha, 1, Integer::sum);
                        }
                    }
                }
                for (var e : expectedRows.entrySet()) {
                    assertEquals(e.getValue(), rows.getOrDefault(e.getKey(), 0), "rows of report " + e.getKey());
                }
                assertEquals(expectedRows.keySet(), rows.keySet(), "rows without their report");
                return expectedRows.size();
            }
        }
    }
}

package org.jixiao.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The province benchmark's harness, on a small run (its figures are not asserted: it is a benchmark):
 * what it indexes through the port is what it says it indexed, the query thread's queries succeed,
 * and a store that already holds reports is refused rather than measured. The SolrCloud launcher
 * relies on exactly this entry point.
 */
class ProvinceBenchmarkTest {

    @Test
    void indexesEveryReportThroughThePortAndQueriesWhileIndexing(@TempDir Path dir) throws IOException {
        RegionResolver regions = new RegionResolver(Mappings.bundled());
        ProvinceBenchmark.Target target = ProvinceBenchmark.target(SearchLocation.LUCENE + dir.resolve("lucene"), List.of(),
                "lucene", regions);
        // Back-to-back queries (qps 0), so that some run while the index is being written.
        ProvinceBenchmark.Settings settings = new ProvinceBenchmark.Settings(300, 5, 10, 0, 2);

        List<ProvinceBenchmark.Figures> figures = ProvinceBenchmark.run(List.of(target), settings);

        ProvinceBenchmark.Figures f = figures.get(0);
        assertEquals(300, f.indexed().reports());
        assertEquals(1_500, f.indexed().rows());
        assertTrue(f.queries() > 0, "the query thread ran");
        assertEquals(0, f.queryErrors());
        assertTrue(f.diskBytes() > 0);
        SearchStore store = SearchLocation.lucene(dir.resolve("lucene")).openWriter(regions);
        try {
            assertEquals(300, store.versions().size(), "every report committed, each once");
        } finally {
            store.abandon();
        }
    }

    @Test
    void refusesAStoreThatIsNotEmpty(@TempDir Path dir) throws IOException {
        RegionResolver regions = new RegionResolver(Mappings.bundled());
        Path lucene = dir.resolve("lucene");
        SyntheticReports synthetic = new SyntheticReports(1, 10, Mappings.bundled());
        try (ReportIndex index = ReportIndex.open(lucene, regions)) {
            index.add(synthetic.next(0, 3));
        }
        ProvinceBenchmark.Target kept = new ProvinceBenchmark.Target("kept", () -> SearchLocation.lucene(lucene).openWriter(regions), List.of(lucene));

        assertThrows(IllegalStateException.class,
                () -> ProvinceBenchmark.run(List.of(kept), new ProvinceBenchmark.Settings(10, 2, 10, 0, 1)));
    }

    @Test
    void syntheticReportsSpreadOverTheGivenYearsAndRealRegions() {
        SyntheticReports synthetic = new SyntheticReports(ProvinceBenchmark.SEED, 10, Mappings.bundled());
        Set<String> codes = new HashSet<>();
        for (SyntheticReports.Place p : synthetic.places()) codes.add(p.code());
        Set<Integer> years = new HashSet<>();
        for (int n = 0; n < 2_000; n++) {
            Report r = synthetic.next(n, 1);
            years.add(r.year());
            assertTrue(codes.contains(r.regionCode()), r.regionCode());
        }
        assertEquals(10, years.size());
        assertTrue(years.stream().allMatch(y -> y >= SyntheticReports.FIRST_YEAR && y < SyntheticReports.FIRST_YEAR + 10));
    }
}

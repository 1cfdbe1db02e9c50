package org.jixiao.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.normalize.RegionResolver.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jixiao.index.IndexFormatException;
import org.jixiao.index.ReportFixture;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.SearchStoreContract;

/**
 * An index of many segments, some with deleted and superseded reports, as a long-lived index is:
 * searches run on several threads over slices of segments, facets are counted per slice and summed,
 * and a row finds its report entry by offset. Every figure is checked against the reports indexed.
 */
class ManySegmentsTest {

    private static final String[][] PLACES = {{"江阴市", "320281"}, {"无锡市", "320200"}, {"武汉市", "420100"},
            {"湖北省", "420000"}, {"成都市", "510100"}, {"海淀区", "110108"}};
    private static final String[][] ROWS = {{"产出指标", "时效指标", "故障处理响应时间"}, {"产出指标", "数量指标", "社保卡制卡人数"},
            {"效益指标", "社会效益指标", "群众办事便利度"}, {"满意度指标", "服务对象满意度指标", "服务对象满意度"}};

    @TempDir
    Path dir;

    /** Report {@code n}: its place, year, kind and rows follow from n, so the test can recount them. */
    private static Report report(int n, String sha) {
        String[] place = PLACES[n % PLACES.length];
        ReportFixture f = ReportFixture.report(sha).region(place[0], place[1]).year(2019 + n % 4)
                .kind(n % 5 == 0 ? ReportKind.TARGET_DECLARATION : ReportKind.SELF_EVALUATION)
                .project("项目" + n).funds("100.00", "90.00", "90.00");
        for (int r = 0; r <= n % ROWS.length; r++) f.indicator(ROWS[r][0], ROWS[r][1], ROWS[r][2], "≥" + (r + 1), null, "5", "5");
        return f.item("运行维护", "10.00").build();
    }

    @Test
    void factsAndFacetsStayExactAcrossSegmentsDeletionsAndVersions() throws Exception {
        Map<String, Report> live = new HashMap<>();
        try (ReportIndex index = ReportIndex.open(dir, ReportFixture.REGIONS)) {
            for (int n = 0; n < 36; n++) {
                Report r = report(n, "s" + n);
                index.add(r);
                live.put("s" + n, r);
                index.commit(); // a segment each: many more than the search threads, and merges among them
            }
            for (int n = 0; n < 36; n += 7) {
                index.delete("s" + n);
                live.remove("s" + n);
            }
            // A new version of report 3 supersedes it: its entries leave the default view.
            Report v2 = ReportFixture.report("s3-v2").region(PLACES[3][0], PLACES[3][1]).year(2022)
                    .project("项目3").funds("100.00", "99.00", "99.00").indicator("产出指标", "数量指标", "新增指标", "≥1", null, "5", "5")
                    .build();
            index.add(v2);
            live.remove("s3");
            live.put("s3-v2", v2);
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertTrue(reader.leaves().size() > ReportSearcher.SEARCH_THREADS, "segments: " + reader.leaves().size());
        }

        SearchResult all;
        try (ReportSearcher searcher = ReportSearcher.open(dir)) {
            all = searcher.search(SearchRequest.text("").withLimit(1000));
        }
        long entries = live.values().stream().mapToLong(r -> 1 + r.indicators().size() + r.budgetItems().size()).sum();
        assertEquals(entries, all.total());
        assertEquals(entries, all.hits().size());

        // Every hit shows its own report's facts, wherever its report entry lies.
        for (SearchResult.Hit h : all.hits()) {
            Report r = live.get(h.sha256());
            assertEquals(r.project().name(), h.project(), h.toString());
            assertEquals(r.region(), h.region(), h.toString());
            assertEquals(r.year(), h.year(), h.toString());
            assertEquals(r.kind().name(), h.kind(), h.toString());
            assertTrue(h.current(), h.toString());
        }

        // Facets equal the counts made from the reports themselves.
        Map<String, Long> provinces = new HashMap<>();
        Map<String, Long> years = new HashMap<>();
        Map<String, Long> level1 = new HashMap<>();
        for (Report r : live.values()) {
            long n = 1 + r.indicators().size() + r.budgetItems().size();
            List<Region> lineage = ReportFixture.REGIONS.lineage(r.regionCode());
            provinces.merge(lineage.get(lineage.size() - 1).name(), n, Long::sum);
            years.merge(r.year().toString(), n, Long::sum);
            r.indicators().forEach(i -> level1.merge(i.level1(), 1L, Long::sum));
        }
        assertEquals(provinces, SearchStoreContract.facet(all, "地区"));
        assertEquals(years, SearchStoreContract.facet(all, "年度"));
        assertEquals(level1, SearchStoreContract.facet(all, "一级指标"));
    }

    @Test
    void slicesShareTheSegmentsEvenly() throws Exception {
        try (ReportIndex index = ReportIndex.open(dir, ReportFixture.REGIONS)) {
            for (int n = 0; n < 9; n++) {
                index.add(report(n, "s" + n));
                if (n % 2 == 0) index.add(report(n + 100, "t" + n)); // segments of different sizes
                index.commit();
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher.LeafSlice[] slices = ReportSearcher.balancedSlices(reader.leaves(), 2);
            assertEquals(2, slices.length);
            List<LeafReaderContext> assigned = new ArrayList<>();
            for (IndexSearcher.LeafSlice s : slices) assigned.addAll(Arrays.asList(s.leaves));
            assertEquals(reader.leaves().size(), assigned.size());
            assertTrue(assigned.containsAll(reader.leaves()));
            int largest = reader.leaves().stream().mapToInt(l -> l.reader().maxDoc()).max().orElseThrow();
            int[] sizes = Stream.of(slices).mapToInt(s -> Stream.of(s.leaves).mapToInt(l -> l.reader().maxDoc()).sum()).toArray();
            assertTrue(Math.abs(sizes[0] - sizes[1]) <= largest, Arrays.toString(sizes));
            // One segment, or one thread: one slice.
            assertEquals(1, ReportSearcher.balancedSlices(reader.leaves().subList(0, 1), 2).length);
            assertEquals(1, ReportSearcher.balancedSlices(reader.leaves(), 1).length);
        }
    }

    @Test
    void anIndexOfAnotherLayoutIsRefusedAndLeftAlone() throws Exception {
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer()))) {
            Document d = new Document();
            d.add(new StringField("current", "true", Field.Store.YES)); // as the first layout flagged versions
            w.addDocument(d);
        }
        List<String> before;
        try (Stream<Path> files = Files.list(dir)) {
            before = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        IndexFormatException write = assertThrows(IndexFormatException.class, () -> ReportIndex.open(dir, ReportFixture.REGIONS));
        assertTrue(write.getMessage().contains("重新运行 index"), write.getMessage());
        IndexFormatException read = assertThrows(IndexFormatException.class, () -> ReportSearcher.open(dir));
        assertTrue(read.getMessage().contains(dir.toString()), read.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(before, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}

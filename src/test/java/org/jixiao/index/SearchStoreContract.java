package org.jixiao.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchStore} must do, on small hand-made reports: adding, replacing by a newer
 * version, deleting, text search with Chinese analysis, filters, ranges, facets, history, and
 * everything kept across a close and a reopen. Each implementation's test extends it and says how
 * to open its store; the versioning rules ({@link ReportIndex}) run over it as in production.
 */
public abstract class SearchStoreContract {

    /** Opens the store under test for writing; every call reaches the same stored data. */
    protected abstract SearchStore openStore() throws IOException;

    /** Opens the same stored data for searching only. */
    protected abstract SearchStore openReader() throws IOException;

    private ReportIndex open() throws IOException {
        return ReportIndex.over(openStore());
    }

    private static Report jiangyin(String sha, String rate) {
        return ReportFixture.report(sha).region("江阴市", "320281").year(2020).project("人社局维保项目")
                .funds("300.00", "250.00", rate).total("88.00")
                .indicator("产出指标", "时效指标", "故障处理响应时间", "≤30分钟", "20分钟", "10", "10")
                .indicator("产出指标", "数量指标", "社保卡制卡人数", "≥5000 人", "6000 人", "10", "8")
                .item("硬件维护", "120.50")
                .finding("TOTAL_SCORE_MISMATCH", "totalScore")
                .build();
    }

    private static Report hubei(String sha) {
        return ReportFixture.report(sha).region("湖北省", "420000").year(2021).project("信息化运行维护经费")
                .funds("1688.91", "1550.60", "91.81").total("98.36")
                .indicator("产出指标", "时效指标", "故障响应时间", "≤2小时", "1小时", "5", "5")
                .indicator("效益指标", "社会效益指标", "网站正常服务率", "≥99%", "99.5%", "10", "10")
                .finding("DUPLICATE_INDICATOR", "网站正常服务率")
                .build();
    }

    /** A search as another process would run it: on a store opened for reading, which sees the last commit. */
    protected SearchResult search(SearchRequest request) throws Exception {
        try (SearchStore s = openReader()) {
            return s.search(request);
        }
    }

    private static SearchRequest all() {
        return SearchRequest.text("").withLimit(100);
    }

    /** The counts of one facet dimension of a result, by value. */
    public static Map<String, Long> facet(SearchResult r, String dim) {
        return r.facets().stream().filter(f -> f.dimension().equals(dim)).findFirst().orElseThrow().counts().stream()
                .collect(Collectors.toMap(SearchResult.Count::value, SearchResult.Count::count));
    }

    @Test
    void aReportIsOneEntryPlusOneForEachRowAndItem() throws Exception {
        try (ReportIndex index = open()) {
            assertEquals(ReportIndex.Outcome.ADDED, index.add(jiangyin("a", "83.33")));
        }
        SearchResult r = search(all());
        assertEquals(4, r.total());
        Map<String, Long> types = r.hits().stream().collect(Collectors.groupingBy(SearchResult.Hit::type, Collectors.counting()));
        assertEquals(Map.of("report", 1L, "indicator", 2L, "budget", 1L), types);
        SearchResult.Hit row = r.hits().stream().filter(h -> "社保卡制卡人数".equals(h.name())).findFirst().orElseThrow();
        assertEquals("江阴市", row.region());
        assertEquals(2020, row.year());
        assertEquals("≥5000 人", row.target());
        assertEquals(0, row.score().compareTo(new java.math.BigDecimal("8")));
        assertEquals("a", row.sha256());
    }

    @Test
    void wordsFindLongerIndicatorNames() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
            index.add(hubei("b"));
        }
        List<String> names = search(SearchRequest.text("故障响应")).hits().stream().map(SearchResult.Hit::name).toList();
        assertTrue(names.containsAll(List.of("故障处理响应时间", "故障响应时间")), names.toString());
        assertEquals("社保卡制卡人数", search(SearchRequest.text("社保卡")).hits().get(0).name());
    }

    @Test
    void aProvinceFindsItsCitiesByNameShortNameOrCode() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
            index.add(hubei("b"));
        }
        for (String region : List.of("江苏省", "江苏", "320000", "无锡市", "江阴市", "320281")) {
            SearchResult r = search(all().withRegion(region));
            assertEquals(4, r.total(), region);
            assertTrue(r.hits().stream().allMatch(h -> h.region().equals("江阴市")), region);
        }
        assertEquals(0, search(all().withRegion("北京")).total());
        // Hits all in one province: the region facet goes down to where they differ.
        SearchResult jiangsu = search(all().withRegion("江苏"));
        SearchResult.Facet regionFacet = jiangsu.facets().stream().filter(f -> f.dimension().equals("地区")).findFirst().orElseThrow();
        assertEquals(List.of("江苏省", "无锡市"), regionFacet.path());
        assertEquals(Map.of("江阴市", 4L), facet(jiangsu, "地区"));
    }

    @Test
    void filtersOnYearKindLevelAndFindingWithFacetCounts() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
            index.add(hubei("b"));
        }
        SearchResult everything = search(all());
        assertEquals(Map.of("江苏省", 4L, "湖北省", 3L), facet(everything, "地区"));
        assertEquals(Map.of("2020", 4L, "2021", 3L), facet(everything, "年度"));
        assertEquals(Map.of("产出指标", 3L, "效益指标", 1L), facet(everything, "一级指标"));

        assertEquals(3, search(all().withYears(2021, 2021)).total());
        assertEquals(7, search(all().withYears(2019, 2021)).total());
        assertEquals(0, search(all().withKind("TARGET_DECLARATION")).total());
        assertEquals(7, search(all().withKind("自评")).total());
        assertEquals(3, search(all().withLevel1("产出指标")).total());

        // The report carries all its finding codes; an indicator row only those about it.
        SearchResult mismatch = search(all().withFinding("TOTAL_SCORE_MISMATCH"));
        assertEquals(1, mismatch.total());
        assertEquals("report", mismatch.hits().get(0).type());
        assertEquals("a", mismatch.hits().get(0).sha256());
        SearchResult duplicate = search(all().withFinding("duplicate_indicator"));
        assertEquals(List.of("report", "indicator"), duplicate.hits().stream().map(SearchResult.Hit::type).toList());
    }

    @Test
    void numericConditionsCompareExactly() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
            index.add(jiangyin("c", "90.00").withRegion("武汉市", "420100"));
            index.add(hubei("b"));
        }
        Function<String, List<String>> shas = where -> {
            try {
                return search(all().withWhere(Condition.parse(where))).hits().stream().map(SearchResult.Hit::sha256).sorted().toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(List.of("a"), shas.apply("executionRate<90"));
        assertEquals(List.of("a", "c"), shas.apply("executionRate<=90"));
        assertEquals(List.of("c"), shas.apply("executionRate=90"));
        assertEquals(List.of("b"), shas.apply("executionRate>90"));
        assertEquals(List.of("b"), shas.apply("executionRate>90 and totalScore>=98.36"));
        assertEquals(List.of(), shas.apply("executionRate>90 and totalScore>98.36"));
        // 120.50 万元 of a budget item, on the item's own entry.
        assertEquals(List.of("a", "c"), shas.apply("amount>=120.5"));
        // Row conditions: 得分 8 (twice, one per Jiangyin report) is the only score in [8, 10).
        SearchResult low = search(all().withWhere(Condition.parse("score>=8 and score<10")));
        assertEquals(List.of("社保卡制卡人数", "社保卡制卡人数"), low.hits().stream().map(SearchResult.Hit::name).toList());
        // Sorted by execution rate, highest first; entries without one come last.
        SearchResult sorted = search(all().withSort("-executionRate").withLimit(3));
        assertEquals(List.of("b", "c", "a"), sorted.hits().stream().map(SearchResult.Hit::sha256).toList());
    }

    @Test
    void badConditionsAreExplainedInChinese() {
        InvalidQueryException unknown = assertThrows(InvalidQueryException.class, () -> Condition.parse("rate<90"));
        assertTrue(unknown.getMessage().contains("未知的数值字段“rate”"), unknown.getMessage());
        InvalidQueryException garbled = assertThrows(InvalidQueryException.class, () -> Condition.parse("executionRate is low"));
        assertTrue(garbled.getMessage().contains("无法理解条件"), garbled.getMessage());
        assertEquals(2, Condition.parse("executionRate < 90 AND score>=5").size());
        assertEquals("executionRate<=90", Condition.parse("executionrate≤90").get(0).toString());
    }

    @Test
    void indexingTheSameFileAgainReplacesItsEntries() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
        }
        try (ReportIndex index = open()) {
            assertEquals(ReportIndex.Outcome.REPLACED, index.add(jiangyin("a", "83.33")));
        }
        assertEquals(4, search(all().withHistory(true)).total());
    }

    @Test
    void aNewVersionBecomesCurrentAndTheOldOneStaysAsHistory() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("v1", "83.33"));
            index.add(hubei("other"));
        }
        try (ReportIndex index = open()) {
            assertEquals(ReportIndex.Outcome.SUPERSEDED, index.add(jiangyin("v2", "95.00")));
        }
        SearchResult current = search(all().withRegion("江阴市"));
        assertEquals(4, current.total());
        assertTrue(current.hits().stream().allMatch(h -> h.sha256().equals("v2") && h.current()));

        SearchResult history = search(all().withRegion("江阴市").withHistory(true));
        assertEquals(8, history.total());
        assertTrue(history.hits().stream().filter(h -> h.sha256().equals("v1")).noneMatch(SearchResult.Hit::current));
        // The superseded version keeps its entries: still complete and searchable.
        assertEquals(List.of("v1"), search(all().withHistory(true).withWhere(Condition.parse("executionRate<90")))
                .hits().stream().map(SearchResult.Hit::sha256).toList());
        // The other series is untouched.
        assertEquals(3, search(all().withRegion("湖北")).total());
    }

    @Test
    void indexingAnOldVersionAgainKeepsItAsHistory() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("v1", "83.33"));
            index.add(jiangyin("v2", "95.00"));
        }
        try (ReportIndex index = open()) {
            assertEquals(ReportIndex.Outcome.REPLACED, index.add(jiangyin("v1", "83.33")));
        }
        SearchResult current = search(all());
        assertEquals(4, current.total());
        assertTrue(current.hits().stream().allMatch(h -> h.sha256().equals("v2") && h.current()));
        SearchResult history = search(all().withHistory(true));
        assertEquals(8, history.total());
        assertEquals(4, history.hits().stream().filter(h -> h.sha256().equals("v1") && !h.current()).count());
    }

    @Test
    void deletingTheCurrentVersionRestoresThePreviousOne() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("v1", "83.33"));
            index.add(jiangyin("v2", "95.00"));
            index.commit();
            assertTrue(index.delete("v2"));
            assertFalse(index.delete("v2"));
            assertFalse(index.contains("v2"));
        }
        SearchResult r = search(all().withHistory(true));
        assertEquals(4, r.total());
        assertTrue(r.hits().stream().allMatch(h -> h.sha256().equals("v1") && h.current()));
    }

    @Test
    void aDeclarationAndASelfEvaluationOfOneProjectAreDifferentSeries() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("eval", "83.33"));
            Report declaration = ReportFixture.report("decl").region("江阴市", "320281").year(2020)
                    .project("人社局维保项目").kind(ReportKind.TARGET_DECLARATION)
                    .indicator("产出指标", "时效指标", "故障响应时间", "≤15分钟", null, null, null).build();
            assertEquals(ReportIndex.Outcome.ADDED, index.add(declaration));
        }
        assertEquals(6, search(all()).total());
    }

    @Test
    void nothingIsVisibleBeforeACommit() throws Exception {
        try (ReportIndex index = open()) {
            index.add(hubei("b"));
            index.commit();
            index.add(jiangyin("a", "83.33"));
            assertEquals(3, search(all()).total());
            index.abandon();
        }
        assertEquals(3, search(all()).total());
    }

    @Test
    void bigramMatchesFillUpOnlyWhatWordsCannot() throws Exception {
        try (ReportIndex index = open()) {
            index.add(ReportFixture.report("s").indicator("满意度指标", "服务对象满意度指标", "服务对象满意度")
                    .indicator("满意度指标", "服务对象满意度指标", "群众满意率").build());
        }
        // 满意度 is a word of the first name only; the second shares the bigram 满意.
        SearchRequest q = SearchRequest.text("满意度").withFacets(false);
        assertEquals(List.of("服务对象满意度", "群众满意率"),
                search(q.withLimit(10)).hits().stream().map(SearchResult.Hit::name).toList());
        assertEquals(List.of("服务对象满意度"),
                search(q.withLimit(1)).hits().stream().map(SearchResult.Hit::name).toList());
        // The total (and the facets) never depend on the limit: fewer word matches than a page
        // are filled up with bigram matches whatever the caller asks to see.
        assertEquals(2, search(q.withLimit(1)).total());
        assertEquals(search(q.withLimit(10)).total(), search(q.withLimit(1)).total());
        assertEquals(1, search(q.withMatching(TextMatching.WORDS)).total());
        assertEquals(2, search(q.withMatching(TextMatching.BIGRAMS)).total());
    }

    @Test
    void aGarbledHugeCellIsStoredButDoesNotStopIndexing() throws Exception {
        String huge = "9".repeat(40_000);
        try (ReportIndex index = open()) {
            index.add(ReportFixture.report("g").indicator("产出指标", "数量指标", "设备台数" + huge, huge, null, null, null)
                    .indicator("产出指标", "数量指标", "设备维护次数").build());
        }
        assertEquals(3, search(all()).total());
        assertEquals("设备维护次数", search(SearchRequest.text("维护次数")).hits().get(0).name());
        // Bounds beyond the index's number range are still answered.
        assertEquals(0, search(all().withWhere(Condition.parse("targetValue>" + huge))).total());
        // Only 设备维护次数 has a weight (5): every weight is below the huge bound.
        assertEquals(1, search(all().withWhere(Condition.parse("weight<" + huge))).total());
    }

    @Test
    void facetsCountEverythingMatchedWhateverTheLimit() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
            index.add(hubei("b"));
        }
        try (SearchStore s = openReader()) {
            List<SearchResult.Facet> facets = s.facets(all().withLimit(1).withSort("-executionRate"));
            SearchResult.Facet kinds = facets.stream().filter(f -> f.dimension().equals("类型")).findFirst().orElseThrow();
            assertEquals(List.of(new SearchResult.Count("SELF_EVALUATION", 7)), kinds.counts());
            SearchResult.Facet findings = facets.stream().filter(f -> f.dimension().equals("问题")).findFirst().orElseThrow();
            // DUPLICATE_INDICATOR on Hubei's report entry and its row; TOTAL_SCORE_MISMATCH on Jiangyin's report entry.
            assertEquals(Map.of("DUPLICATE_INDICATOR", 2L, "TOTAL_SCORE_MISMATCH", 1L), findings.counts().stream()
                    .collect(Collectors.toMap(SearchResult.Count::value, SearchResult.Count::count)));
        }
    }

    @Test
    void historyListsEveryVersionOfAProjectNewestFirst() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("v1", "83.33"));
            index.add(hubei("other"));
            index.add(jiangyin("v2", "90.00"));
            index.add(jiangyin("v3", "95.00"));
            index.commit();
            for (String any : List.of("v1", "v2", "v3")) {
                List<SearchResult.Hit> versions = index.history(any);
                assertEquals(List.of("v3", "v2", "v1"), versions.stream().map(SearchResult.Hit::sha256).toList(), any);
                assertEquals(List.of(true, false, false), versions.stream().map(SearchResult.Hit::current).toList(), any);
                assertTrue(versions.stream().allMatch(h -> "report".equals(h.type()) && "人社局维保项目".equals(h.project())));
            }
            assertEquals(List.of("other"), index.history("other").stream().map(SearchResult.Hit::sha256).toList());
            assertEquals(List.of(), index.history("unknown"));
            // The current version deleted: the newest remaining one is current again, in the history too.
            index.delete("v3");
            index.commit();
            assertEquals(List.of(true, false), index.history("v1").stream().map(SearchResult.Hit::current).toList());
        }
    }

    @Test
    void everythingIsKeptAcrossACloseAndAReopen() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("v1", "83.33"));
            index.add(hubei("b"));
        }
        try (ReportIndex index = open()) {
            // The versioning state is read back from the store: v1 is known, and is what v2 supersedes.
            assertTrue(index.contains("v1"));
            assertTrue(index.contains("b"));
            assertFalse(index.contains("v2"));
            assertEquals(ReportIndex.Outcome.SUPERSEDED, index.add(jiangyin("v2", "95.00")));
        }
        try (ReportIndex index = open()) {
            // And after a second reopen the newest version is still the current one.
            assertEquals(ReportIndex.Outcome.REPLACED, index.add(jiangyin("v1", "83.33")));
            index.commit();
            assertEquals(List.of("v2", "v1"), index.history("v1").stream().map(SearchResult.Hit::sha256).toList());
        }
        assertEquals(List.of("b", "v2"), search(all()).hits().stream().map(SearchResult.Hit::sha256).distinct().sorted().toList());
    }

    @Test
    void chineseAnalysisFindsTheWordsInsideIndicatorNames() throws Exception {
        try (ReportIndex index = open()) {
            index.add(jiangyin("a", "83.33"));
            index.add(hubei("b"));
        }
        // A word inside a longer name (响应 in 故障处理响应时间), a word of the row's target text
        // (分钟), and a bigram of a name no dictionary word covers (制卡).
        assertEquals(List.of("故障响应时间", "故障处理响应时间").stream().sorted().toList(),
                names(SearchRequest.text("响应时间")).stream().sorted().toList());
        assertTrue(names(SearchRequest.text("分钟")).contains("故障处理响应时间"));
        assertEquals(List.of("社保卡制卡人数"), names(SearchRequest.text("制卡").withMatching(TextMatching.BIGRAMS)));
        // Nothing matches a word that is in no entry.
        assertEquals(0, search(SearchRequest.text("沙漠治理")).total());
    }

    private List<String> names(SearchRequest request) throws Exception {
        return search(request).hits().stream().map(SearchResult.Hit::name).filter(java.util.Objects::nonNull).toList();
    }
}

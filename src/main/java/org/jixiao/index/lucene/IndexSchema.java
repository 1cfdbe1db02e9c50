package org.jixiao.index.lucene;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.facet.FacetsConfig;
import org.jixiao.index.IndexFormatException;
import org.jixiao.index.SearchResult;
import org.jixiao.index.analysis.BigramAnalyzer;
import org.jixiao.index.analysis.ChineseAnalyzer;

/** Field names, analyzers and facet dimensions of the report index: the one place that knows them. */
final class IndexSchema {

    private IndexSchema() {
    }

    /** Commit user data key naming the layout of the index's documents. */
    static final String FORMAT_KEY = "jixiao.indexFormat";
    /**
     * The layout this version writes and reads: history flagged by an updatable doc value, rows
     * pointing to their report entry by offset, text without positions. Indexes of another layout
     * are refused, not misread: rebuilding from the reports is always possible and quick.
     */
    static final String FORMAT = "3";

    /** Refuses an index written in another layout; {@code userData} is its last commit's. */
    static void checkFormat(java.nio.file.Path dir, java.util.Map<String, String> userData) {
        String found = userData.get(FORMAT_KEY);
        if (FORMAT.equals(found)) return;
        String by = found == null ? "由旧版本的 jixiao（或其他程序）建立" : "由 jixiao 按格式 " + found + " 建立";
        throw new IndexFormatException("索引 " + dir + " " + by + "，当前版本使用格式 " + FORMAT
                + "，无法正确读取：请删除或改名该目录后重新运行 index 建立索引（报告文件不受影响）");
    }

    // What a document is.
    static final String TYPE = "type";
    static final String TYPE_REPORT = SearchResult.Hit.REPORT;
    static final String TYPE_INDICATOR = SearchResult.Hit.INDICATOR;
    static final String TYPE_BUDGET = SearchResult.Hit.BUDGET;

    // Report identity and versioning (on every document of the report).
    static final String SHA256 = "sha256";
    static final String SERIES = "series";
    /** On history entries only (the value 1): a doc-values-only field, set and removed in place. */
    static final String SUPERSEDED = "superseded";
    static final String INDEXED_AT = "indexedAt";
    static final String FILE = "file";

    // Report properties (on every document of the report).
    static final String REGION = "region";
    static final String REGION_CODE = "regionCode";
    /** Codes of the region and all its ancestors: a 江苏省 filter finds 江阴市. */
    static final String REGION_CODES = "regionCodes";
    /** Names of the region and all its ancestors. */
    static final String REGION_NAMES = "regionNames";
    static final String YEAR = "year";
    static final String KIND = "kind";
    static final String DEPARTMENT = "department";
    static final String UNIT = "unit";
    static final String PROJECT = "project";
    static final String TITLE = "title";
    static final String FINDING = "finding";

    // Rows.
    static final String LEVEL1 = "level1";
    static final String LEVEL2 = "level2";
    static final String NAME = "name";
    static final String TARGET = "target";
    static final String ACTUAL = "actual";
    static final String PURPOSE = "purpose";
    /**
     * Entries before this one in its report's block: the report entry is at docID − offset. A
     * report is written as one block, report entry first, and Lucene keeps a block's documents
     * together and in order through merges (block join relies on the same), so a hit finds its
     * report without a term lookup.
     */
    static final String REPORT_OFFSET = "reportOffset";

    // Report document only: how many row and item entries follow it, so a check of the index
    // (IndexCrashTest) can tell a whole block from a torn one.
    static final String INDICATOR_COUNT = "indicatorCount";
    static final String BUDGET_COUNT = "budgetCount";

    // Analysed text: the row's (or report's) own name as words and bigrams, and its context (levels,
    // target, actual, project) as words.
    static final String NAME_WORDS = "nameWords";
    static final String NAME_BIGRAMS = "nameBigrams";
    static final String BODY_WORDS = "bodyWords";

    // Facet dimensions (SortedSetDocValues facets: one index, committed atomically, no taxonomy sidecar).
    static final String FACET_REGION = "地区";
    static final String FACET_YEAR = "年度";
    static final String FACET_KIND = "类型";
    static final String FACET_LEVEL1 = "一级指标";
    static final String FACET_FINDING = "问题";

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(FACET_REGION, true);
        config.setMultiValued(FACET_FINDING, true);
        // Searches filter on their own keyword fields, never by drill-down: no drill-down terms to index.
        for (String dim : List.of(FACET_REGION, FACET_YEAR, FACET_KIND, FACET_LEVEL1, FACET_FINDING)) {
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }

    /** Index-time analysis: words plus the dictionary words inside them, and bigrams. */
    static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                NAME_WORDS, ChineseAnalyzer.forIndex(), BODY_WORDS, ChineseAnalyzer.forIndex(),
                NAME_BIGRAMS, new BigramAnalyzer()));
    }

    /** Query-time analysis: the longest words only, and bigrams. */
    static Analyzer queryAnalyzer() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                NAME_WORDS, ChineseAnalyzer.forQuery(), BODY_WORDS, ChineseAnalyzer.forQuery(),
                NAME_BIGRAMS, new BigramAnalyzer()));
    }
}

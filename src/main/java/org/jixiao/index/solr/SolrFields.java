package org.jixiao.index.solr;

import java.util.List;
import org.jixiao.index.SearchResult;

/**
 * Field names of the jixiao collection (the configset's {@code schema.xml}), which are those of the
 * embedded index, and the facet dimensions results show.
 */
final class SolrFields {

    private SolrFields() {
    }

    static final String ID = "id";
    /** Separates a report's sha256 from its entry number in an id: the compositeId router keeps a report on one shard. */
    static final String ROUTE_SEPARATOR = "!";

    static final String TYPE = "type";
    static final String SHA256 = "sha256";
    static final String SERIES = "series";
    static final String INDEXED_AT = "indexedAt";
    /** 1 on history entries, 0 on current ones (doc values only, updated in place). */
    static final String SUPERSEDED = "superseded";
    static final int HISTORY = 1;
    static final int CURRENT = 0;
    static final String INDICATOR_COUNT = "indicatorCount";
    static final String BUDGET_COUNT = "budgetCount";

    static final String FILE = "file";
    static final String REGION = "region";
    static final String REGION_CODE = "regionCode";
    static final String REGION_CODES = "regionCodes";
    static final String REGION_NAMES = "regionNames";
    /** The region path, province first: {@code regionLevel0}, {@code regionLevel1} … */
    static final String REGION_LEVEL = "regionLevel";
    /** Levels of the region path the facet goes down: province, city, county, and one to spare. */
    static final int REGION_LEVELS = 4;
    static final String YEAR = "year";
    static final String KIND = "kind";
    static final String DEPARTMENT = "department";
    static final String UNIT = "unit";
    static final String PROJECT = "project";
    static final String TITLE = "title";
    static final String FINDING = "finding";

    static final String LEVEL1 = "level1";
    static final String LEVEL1_KEY = "level1Key";
    static final String LEVEL2 = "level2";
    static final String NAME = "name";
    static final String TARGET = "target";
    static final String ACTUAL = "actual";
    static final String PURPOSE = "purpose";

    static final String NAME_TEXT = "nameText";
    static final String BODY_TEXT = "bodyText";
    static final String NAME_WORDS = "nameWords";
    static final String NAME_BIGRAMS = "nameBigrams";
    static final String BODY_WORDS = "bodyWords";

    /** A number compared and sorted: the value × 10^6 as a long. */
    static String comparable(String numericField) {
        return numericField + "_n";
    }

    /** A number as printed. */
    static String printed(String numericField) {
        return numericField + "_v";
    }

    static final String TYPE_REPORT = SearchResult.Hit.REPORT;
    static final String TYPE_INDICATOR = SearchResult.Hit.INDICATOR;
    static final String TYPE_BUDGET = SearchResult.Hit.BUDGET;

    /** A facet dimension: its name in results and the field counted. */
    record Dimension(String label, String key, String field) {
    }

    static final Dimension FACET_REGION = new Dimension("地区", "region", REGION_LEVEL + 0);
    static final List<Dimension> FACETS = List.of(FACET_REGION,
            new Dimension("年度", "year", YEAR),
            new Dimension("类型", "kind", KIND),
            new Dimension("一级指标", "level1", LEVEL1_KEY),
            new Dimension("问题", "finding", FINDING));
}

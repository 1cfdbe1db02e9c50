package org.jixiao.index;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a search found: the total, the best hits and, per facet dimension, counts over all matching
 * entries (not only the hits returned).
 */
public record SearchResult(long total, List<Hit> hits, List<Facet> facets) {

    /**
     * One matching entry: a report ({@code type=report}), an indicator row or a budget item, with
     * the report's fields alongside.
     */
    public record Hit(String type, String region, String regionCode, Integer year, String kind,
                      String project, String level1, String level2, String name, String target,
                      String actual, BigDecimal weight, BigDecimal score, BigDecimal executionRate,
                      BigDecimal totalScore, BigDecimal amount, List<String> findings, String file,
                      String sha256, boolean current, float relevance) {

        /** The {@link #type()} of a report's own entry. */
        public static final String REPORT = "report";
        /** The {@link #type()} of an indicator row. */
        public static final String INDICATOR = "indicator";
        /** The {@link #type()} of a budget item (项目概算明细). */
        public static final String BUDGET = "budget";
    }

    /** Counts of one dimension; {@code path} is where in a hierarchy they were taken (地区 江苏省 → its cities). */
    public record Facet(String dimension, List<String> path, List<Count> counts) {
    }

    public record Count(String value, long count) {
    }
}

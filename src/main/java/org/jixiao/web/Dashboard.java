package org.jixiao.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.Submission;
import org.jixiao.model.SubmissionOutcome;

/**
 * The dashboard's figures for a set of submissions: counts by review status, by outcome, by region
 * and by finding code, and the distributions of execution rate and total score in fixed bands.
 */
final class Dashboard {

    /** Lower bounds of the execution-rate bands, in percent (the last is over 100 %: overspent or misprinted). */
    static final int[] RATE_BANDS = {0, 60, 70, 80, 90, 100};
    /** Lower bounds of the total-score bands (100-point scale). */
    static final int[] SCORE_BANDS = {0, 60, 70, 80, 90};

    private Dashboard() {
    }

    static ObjectNode of(List<Submission> all, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        Map<String, Integer> status = new TreeMap<>();
        Map<String, Integer> outcome = new TreeMap<>();
        Map<String, Integer> region = new TreeMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        int[] rates = new int[RATE_BANDS.length];
        int[] scores = new int[SCORE_BANDS.length];
        for (ReviewStatus s : ReviewStatus.values()) status.put(s.name(), 0);
        for (SubmissionOutcome o : SubmissionOutcome.values()) outcome.put(o.name(), 0);
        for (Submission s : all) {
            outcome.merge(s.outcome().name(), 1, Integer::sum);
            if (s.outcome() != SubmissionOutcome.CHECKED) continue;
            status.merge(s.status().name(), 1, Integer::sum);
            region.merge(s.region() == null ? "（未识别）" : s.region(), 1, Integer::sum);
            band(rates, RATE_BANDS, s.executionRate(), true);
            band(scores, SCORE_BANDS, s.totalScore(), false);
            for (String code : s.findingCodes()) codes.merge(code, 1, Integer::sum);
        }
        out.put("submissions", all.size());
        out.set("byStatus", mapper.valueToTree(status));
        out.set("byOutcome", mapper.valueToTree(outcome));
        out.set("byRegion", mapper.valueToTree(region));
        out.set("byFinding", mapper.valueToTree(codes));
        out.set("executionRate", bands(mapper, RATE_BANDS, rates, "%", true));
        out.set("totalScore", bands(mapper, SCORE_BANDS, scores, "分", false));
        return out;
    }

    /**
     * Counts a value into its band: the largest lower bound it reaches. With an open top (rates),
     * the last band holds only values over its bound — 100 % itself belongs to 90–100.
     */
    private static void band(int[] counts, int[] lower, BigDecimal value, boolean openTop) {
        if (value == null) return;
        int top = lower.length - 1;
        if (openTop && value.compareTo(BigDecimal.valueOf(lower[top])) > 0) {
            counts[top]++;
            return;
        }
        int closedBands = openTop ? top : lower.length;
        for (int i = closedBands - 1; i > 0; i--) {
            if (value.compareTo(BigDecimal.valueOf(lower[i])) >= 0) {
                counts[i]++;
                return;
            }
        }
        counts[0]++;
    }

    private static ArrayNode bands(ObjectMapper mapper, int[] lower, int[] counts, String unit, boolean openTop) {
        ArrayNode out = mapper.createArrayNode();
        for (int i = 0; i < lower.length; i++) {
            String label;
            if (i == lower.length - 1) label = (openTop ? "超过 " : "") + lower[i] + (openTop ? unit : "–100" + unit);
            else label = lower[i] + "–" + lower[i + 1] + unit;
            out.addObject().put("band", label).put("count", counts[i]);
        }
        return out;
    }
}

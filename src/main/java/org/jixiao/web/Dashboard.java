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
import org.jixiao.store.SubmissionQuery;

/**
 * The dashboard's figures for a set of submissions: counts by review status, by outcome, by region
 * and by finding code, and the distributions of execution rate and total score in fixed bands, each
 * band with the lower bound the list's filter takes ({@code review.html?rate=90}).
 */
final class Dashboard {

    /** Lower bounds of the execution-rate bands, in percent (the last is over 100 %: overspent or misprinted). */
    static final int[] RATE_BANDS = {0, 60, 70, 80, 90, 100};
    /** Lower bounds of the total-score bands (100-point scale). */
    static final int[] SCORE_BANDS = {0, 60, 70, 80, 90};
    static final List<Band> RATES = bands(RATE_BANDS, "%", true);
    static final List<Band> SCORES = bands(SCORE_BANDS, "分", false);

    private Dashboard() {
    }

    static ObjectNode of(List<Submission> all, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        Map<String, Integer> status = new TreeMap<>();
        Map<String, Integer> outcome = new TreeMap<>();
        Map<String, Integer> region = new TreeMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        List<BigDecimal> rates = new java.util.ArrayList<>();
        List<BigDecimal> scores = new java.util.ArrayList<>();
        for (ReviewStatus s : ReviewStatus.values()) status.put(s.name(), 0);
        for (SubmissionOutcome o : SubmissionOutcome.values()) outcome.put(o.name(), 0);
        for (Submission s : all) {
            outcome.merge(s.outcome().name(), 1, Integer::sum);
            if (s.outcome() != SubmissionOutcome.CHECKED) continue;
            status.merge(s.status().name(), 1, Integer::sum);
            region.merge(s.region() == null ? "（未识别）" : s.region(), 1, Integer::sum);
            rates.add(s.executionRate());
            scores.add(s.totalScore());
            for (String code : s.findingCodes()) codes.merge(code, 1, Integer::sum);
        }
        out.put("submissions", all.size());
        out.set("byStatus", mapper.valueToTree(status));
        out.set("byOutcome", mapper.valueToTree(outcome));
        out.set("byRegion", mapper.valueToTree(region));
        out.set("byFinding", mapper.valueToTree(codes));
        out.set("executionRate", counted(mapper, RATES, rates));
        out.set("totalScore", counted(mapper, SCORES, scores));
        return out;
    }

    /**
     * One band of a distribution: its lower bound (as the list's filter names it), its label, the
     * short label under its bar on a chart (the unit is the axis's), and the range it covers. The
     * list filters with the same range the dashboard counts with.
     */
    record Band(int from, String label, String tick, SubmissionQuery.Range range) {
    }

    /**
     * The bands between the lower bounds: each from its bound (included) to the next (excluded);
     * the first also holds everything below (a negative or misprinted figure is still counted), and
     * the last is either closed at 100 (scores) or holds only values over its bound (rates: 100 %
     * itself belongs to 90–100, over 100 % is overspent or misprinted).
     */
    static List<Band> bands(int[] lower, String unit, boolean openTop) {
        List<Band> out = new java.util.ArrayList<>();
        int top = lower.length - 1;
        for (int i = 0; i <= top; i++) {
            BigDecimal min = i == 0 ? null : BigDecimal.valueOf(lower[i]);
            String span = i == 0 ? "<" + lower[1] : i < top ? lower[i] + "–" + lower[i + 1] : openTop ? ">" + lower[i] : lower[i] + "–100";
            String label = i == 0 ? "低于 " + lower[1] + unit : i == top && openTop ? "超过 " + lower[i] + unit : span + unit;
            SubmissionQuery.Range range;
            // Only the band below an open top closes at its upper bound: 100 % is 90–100.
            if (i < top) range = new SubmissionQuery.Range(min, true, BigDecimal.valueOf(lower[i + 1]), openTop && i == top - 1);
            else range = new SubmissionQuery.Range(min, !openTop, null, false);
            out.add(new Band(lower[i], label, span, range));
        }
        return List.copyOf(out);
    }

    /**
     * The range a list request names by a band's lower bound ({@code rate=90}); null when the
     * parameter is absent, a Chinese 400 naming the bands when it is none of them.
     */
    static SubmissionQuery.Range chosen(String value, List<Band> bands, String what) {
        if (value == null) return null;
        for (Band b : bands) {
            if (String.valueOf(b.from()).equals(value.strip())) return b.range();
        }
        throw ApiProblem.badRequest("未知的" + what + "分段“" + value + "”，可用（分段下限）："
                + String.join("、", bands.stream().map(b -> String.valueOf(b.from())).toList()));
    }

    private static ArrayNode counted(ObjectMapper mapper, List<Band> bands, List<BigDecimal> values) {
        ArrayNode out = mapper.createArrayNode();
        for (Band b : bands) {
            long n = values.stream().filter(b.range()::contains).count();
            out.addObject().put("band", b.label()).put("tick", b.tick()).put("from", b.from()).put("count", n);
        }
        return out;
    }
}

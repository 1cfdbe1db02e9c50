package org.jixiao.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a report with an expected file written in the real-forms conventions
 * ({@code ../shared/real-forms/README.md}): header, funds, sources, indicators, items and 总分,
 * field by field. Text is compared after NFKC with all whitespace removed; numbers within half a
 * cent. A number the form does not state (null) must not be read either: a figure read from the
 * wrong cell is a false alarm waiting to happen. Counts matched/total per part, like score.py.
 */
public final class FormExpectation {

    /** Numbers agree within this (score.py's tolerance). */
    static final BigDecimal TOLERANCE = new BigDecimal("0.005");
    static final List<String> HEADER = List.of("kind", "year", "region", "project.name", "project.department",
            "project.implementingUnit");
    static final List<String> FUNDS = List.of("initialBudget", "adjustedBudget", "executed", "executionRate",
            "executionWeight", "executionScore", "totalAmount", "currentYearAmount");
    static final List<String> PRIOR = List.of("budget", "used", "balance", "useRate");

    /** Matched and total per part, and every difference in words. */
    public static final class Result {
        final Map<String, int[]> parts = new HashMap<>();
        public final List<String> differences = new ArrayList<>();

        void count(String part, boolean ok, String what) {
            int[] c = parts.computeIfAbsent(part, k -> new int[2]);
            c[1]++;
            if (ok) c[0]++;
            else differences.add(what);
        }

        public String cell(String part) {
            int[] c = parts.getOrDefault(part, new int[2]);
            return c[0] + "/" + c[1];
        }
    }

    private FormExpectation() {
    }

    /**
     * @param disputed fields ("region", "funds.totalAmount" …) whose expected value is not checked,
     *                 each named with its reason in the test that passes it
     */
    public static Result compare(JsonNode expected, JsonNode actual, Set<String> disputed) {
        Result r = new Result();
        for (String f : HEADER) {
            JsonNode e = at(expected, f);
            if (disputed.contains(f)) continue;
            if (f.equals("kind")) {
                r.count("header", text(e).equals(text(at(actual, f))), "kind: expected " + e + ", got " + at(actual, f));
                continue;
            }
            if (e.isNull() || e.isMissingNode()) continue;
            boolean ok = f.equals("year") ? number(e) != null && same(number(e), number(at(actual, f)))
                    : text(e).equals(text(at(actual, f)));
            r.count("header", ok, f + ": expected " + e + ", got " + at(actual, f));
        }
        if (expected.has("form")) {
            r.count("header", text(expected.get("form")).equals(text(actual.path("form"))),
                    "form: expected " + expected.get("form") + ", got " + actual.path("form"));
        }
        JsonNode ef = expected.path("funds");
        JsonNode af = actual.path("funds");
        for (String f : FUNDS) {
            if (disputed.contains("funds." + f)) continue;
            r.count("funds", sameOrBothNull(ef.path(f), af.path(f)), "funds." + f + ": expected " + ef.path(f) + ", got " + af.path(f));
        }
        JsonNode ep = ef.path("priorYear");
        JsonNode ap = af.path("priorYear");
        for (String f : PRIOR) {
            r.count("funds", sameOrBothNull(ep.path(f), ap.path(f)),
                    "funds.priorYear." + f + ": expected " + ep.path(f) + ", got " + ap.path(f));
        }
        if (!disputed.contains("funds.sources")) {
            List<String> es = sources(ef.path("sources"));
            List<String> as = sources(af.path("sources"));
            r.count("funds", es.equals(as), "funds.sources: expected " + es + ", got " + as);
        }
        r.count("funds", sameOrBothNull(expected.path("totalScore"), actual.path("totalScore")),
                "totalScore: expected " + expected.path("totalScore") + ", got " + actual.path("totalScore"));
        multiset(r, "indicators", expected.path("indicators"), actual.path("indicators"),
                List.of("level1", "level2", "name", "target", "actual", "weight", "score"));
        multiset(r, "items", expected.path("budgetItems"), actual.path("budgetItems"), List.of("name", "amount"));
        return r;
    }

    private static void multiset(Result r, String part, JsonNode expected, JsonNode actual, List<String> keys) {
        List<String> want = new ArrayList<>();
        for (JsonNode n : expected) want.add(key(n, keys));
        List<String> got = new ArrayList<>();
        for (JsonNode n : actual) got.add(key(n, keys));
        List<String> extra = new ArrayList<>(got);
        for (String w : want) {
            boolean found = extra.remove(w);
            r.count(part, found, part + ": not read " + w);
        }
        for (String x : extra) r.count(part, false, part + ": read but not in the form " + x);
    }

    private static String key(JsonNode n, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            JsonNode v = n.path(k);
            BigDecimal num = v.isNumber() ? v.decimalValue() : null;
            parts.add(num != null ? num.setScale(2, RoundingMode.HALF_UP).toPlainString() : text(v));
        }
        return String.join(" | ", parts);
    }

    private static List<String> sources(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : list) {
            String name = text(s.path("name")).replaceFirst("^其中:?", "").replaceFirst("\\(万元\\)$", "");
            BigDecimal a = number(s.path("amount"));
            out.add(name + "=" + (a == null ? "null" : a.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        }
        return out;
    }

    private static boolean sameOrBothNull(JsonNode e, JsonNode a) {
        BigDecimal x = number(e);
        BigDecimal y = number(a);
        if (x == null || y == null) return x == null && y == null;
        return same(x, y);
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return y != null && x.subtract(y).abs().compareTo(TOLERANCE) <= 0;
    }

    static BigDecimal number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isNumber()) return n.decimalValue();
        try {
            return new BigDecimal(text(n).replace(",", "").replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return "";
        String s = n.isTextual() ? n.asText() : n.toString();
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static JsonNode at(JsonNode n, String path) {
        JsonNode cur = n;
        for (String p : path.split("\\.")) cur = cur.path(p);
        return cur;
    }
}

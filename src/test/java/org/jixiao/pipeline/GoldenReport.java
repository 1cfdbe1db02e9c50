package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a report's JSON with a reviewed expected.json: every field the expected file names
 * must be equal in the output (numbers by value, so 300.00 equals 300.0), arrays element by
 * element, and findings as the exact set of (code, severity, subject) — a missed finding and a
 * false one both fail. Fields the expected file leaves out (source, locations, parsed values)
 * are not compared. All differences are reported at once.
 */
public final class GoldenReport {

    /** The top-level fields every expected.json must state. */
    static final List<String> CONTRACT = List.of("kind", "year", "region", "regionCode", "title", "project", "funds",
            "indicators", "budgetItems", "totalScore", "findings");

    private GoldenReport() {
    }

    public static void assertMatches(JsonNode expected, JsonNode actual, String what) {
        List<String> diffs = new ArrayList<>();
        for (String key : CONTRACT) {
            // A field left out would silently stop being checked: an expected file states every one
            // (null or [] when the document says nothing).
            if (!expected.has(key)) diffs.add("/" + key + ": missing from the expected file");
        }
        compare("", expected, actual, diffs);
        if (!diffs.isEmpty()) {
            fail(what + " differs from its expected.json in " + diffs.size() + " place(s):\n  " + String.join("\n  ", diffs));
        }
    }

    private static void compare(String path, JsonNode exp, JsonNode act, List<String> diffs) {
        if (path.equals("/findings")) {
            Set<String> e = findingKeys(exp);
            Set<String> a = findingKeys(act);
            if (!e.equals(a)) {
                Set<String> missing = new TreeSet<>(e);
                missing.removeAll(a);
                Set<String> extra = new TreeSet<>(a);
                extra.removeAll(e);
                diffs.add("/findings: missing " + missing + ", unexpected " + extra);
            }
            return;
        }
        if (act == null || act.isMissingNode()) {
            diffs.add(path + ": missing, expected " + exp);
            return;
        }
        if (exp.isNumber()) {
            if (!act.isNumber() || exp.decimalValue().compareTo(act.decimalValue()) != 0) {
                diffs.add(path + ": expected " + exp + ", got " + act);
            }
        } else if (exp.isObject()) {
            if (!act.isObject()) {
                diffs.add(path + ": expected an object, got " + act);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                compare(path + "/" + f.getKey(), f.getValue(), act.get(f.getKey()), diffs);
            }
        } else if (exp.isArray()) {
            if (!act.isArray()) {
                diffs.add(path + ": expected an array, got " + act);
                return;
            }
            if (exp.size() != act.size()) {
                diffs.add(path + ": expected " + exp.size() + " elements, got " + act.size());
            }
            for (int i = 0; i < Math.min(exp.size(), act.size()); i++) {
                compare(path + "/" + i, exp.get(i), act.get(i), diffs);
            }
        } else if (!exp.equals(act)) {
            diffs.add(path + ": expected " + exp + ", got " + act);
        }
    }

    private static Set<String> findingKeys(JsonNode findings) {
        Set<String> keys = new TreeSet<>();
        if (findings == null) return keys;
        for (JsonNode f : findings) {
            keys.add(f.path("code").asText() + "/" + f.path("severity").asText() + "/" + f.path("subject").asText());
        }
        return keys;
    }
}

package org.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between a report and its resubmission: figure by figure (the funds, the total, each
 * indicator by its name, each budget item by its name) and finding by finding (resolved, new,
 * still there — a finding is the same when its code and subject are).
 */
final class ResubmissionDiff {

    /** The single figures compared, by JSON path, with the label a reviewer reads. */
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("/funds/initialBudget", "年初预算数");
        FIGURES.put("/funds/adjustedBudget", "全年预算数");
        FIGURES.put("/funds/executed", "全年执行数");
        FIGURES.put("/funds/executionRate", "执行率");
        FIGURES.put("/funds/executionScore", "预算执行得分");
        FIGURES.put("/funds/totalAmount", "资金总额");
        FIGURES.put("/totalScore", "总分");
        FIGURES.put("/budgetItemsTotal", "项目概算合计");
    }

    private ResubmissionDiff() {
    }

    static ObjectNode between(JsonNode before, JsonNode after, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode figures = out.putArray("figures");
        for (Map.Entry<String, String> f : FIGURES.entrySet()) {
            changed(figures, f.getValue(), before.at(f.getKey()), after.at(f.getKey()));
        }
        Map<String, JsonNode> oldIndicators = byName(before.path("indicators"));
        Map<String, JsonNode> newIndicators = byName(after.path("indicators"));
        for (String name : union(oldIndicators, newIndicators)) {
            JsonNode a = oldIndicators.get(name);
            JsonNode b = newIndicators.get(name);
            for (String[] field : new String[][] {{"target", "指标值"}, {"actual", "实际完成值"}, {"weight", "分值"}, {"score", "得分"}}) {
                changed(figures, name + " · " + field[1], a == null ? null : a.get(field[0]), b == null ? null : b.get(field[0]));
            }
        }
        Map<String, JsonNode> oldItems = byName(before.path("budgetItems"));
        Map<String, JsonNode> newItems = byName(after.path("budgetItems"));
        for (String name : union(oldItems, newItems)) {
            JsonNode a = oldItems.get(name);
            JsonNode b = newItems.get(name);
            changed(figures, name + " · 金额", a == null ? null : a.get("amount"), b == null ? null : b.get("amount"));
        }
        Map<String, JsonNode> oldFindings = findings(before);
        Map<String, JsonNode> newFindings = findings(after);
        ArrayNode resolved = out.putArray("resolved");
        ArrayNode added = out.putArray("added");
        ArrayNode remaining = out.putArray("remaining");
        for (Map.Entry<String, JsonNode> f : oldFindings.entrySet()) {
            (newFindings.containsKey(f.getKey()) ? remaining : resolved).add(f.getValue());
        }
        for (Map.Entry<String, JsonNode> f : newFindings.entrySet()) {
            if (!oldFindings.containsKey(f.getKey())) added.add(f.getValue());
        }
        return out;
    }

    private static void changed(ArrayNode out, String label, JsonNode before, JsonNode after) {
        String a = value(before);
        String b = value(after);
        if (Objects.equals(a, b)) return;
        if (a != null && b != null && before.isNumber() && after.isNumber()
                && before.decimalValue().compareTo(after.decimalValue()) == 0) {
            return;
        }
        ObjectNode o = out.addObject();
        o.put("field", label);
        o.put("before", a);
        o.put("after", b);
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        return n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
    }

    private static Map<String, JsonNode> byName(JsonNode rows) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            String name = r.path("name").asText("");
            if (!name.isEmpty()) out.putIfAbsent(name, r);
        }
        return out;
    }

    private static Iterable<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static Map<String, JsonNode> findings(JsonNode report) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode f : report.path("findings")) {
            out.putIfAbsent(f.path("code").asText() + "|" + f.path("subject").asText(), f);
        }
        return out;
    }
}

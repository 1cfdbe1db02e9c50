package org.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A declaration's targets beside last year's self-evaluation of the same project, indicator by
 * indicator (matched by name): what was promised then, what was achieved, and what is promised
 * now — the reviewer sees at once a target set below what was already reached.
 */
final class TargetsAgainstLastYear {

    private TargetsAgainstLastYear() {
    }

    static ArrayNode rows(JsonNode declaration, JsonNode lastYear, ObjectMapper mapper) {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (JsonNode i : lastYear.path("indicators")) before.putIfAbsent(i.path("name").asText(""), i);
        ArrayNode out = mapper.createArrayNode();
        for (JsonNode i : declaration.path("indicators")) {
            String name = i.path("name").asText("");
            if (name.isEmpty()) continue;
            JsonNode then = before.get(name);
            ObjectNode row = out.addObject();
            row.put("name", name);
            row.put("target", text(i.get("target")));
            row.put("lastYearTarget", then == null ? null : text(then.get("target")));
            row.put("lastYearActual", then == null ? null : text(then.get("actual")));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}

package org.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a reviewer's decision names a finding: its place in the stored report and its code
 * ({@code 3:EXECUTION_RATE_MISMATCH}). The stored report never changes, so the place is stable; the
 * code guards against a key meant for another report.
 */
final class FindingKeys {

    private FindingKeys() {
    }

    static String key(int index, String code) {
        return index + ":" + code;
    }

    /** Every finding key of a stored report JSON; empty when there is none. */
    static Set<String> of(String reportJson, ObjectMapper mapper) {
        Set<String> keys = new LinkedHashSet<>();
        if (reportJson == null) return keys;
        try {
            JsonNode findings = mapper.readTree(reportJson).path("findings");
            for (int i = 0; i < findings.size(); i++) keys.add(key(i, findings.get(i).path("code").asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored report JSON does not parse", e);
        }
        return keys;
    }
}

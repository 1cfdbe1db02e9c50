package org.jixiao.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;
import org.jixiao.output.ReadState;

/**
 * One checked report as the service lists it: identity, where it is stored, the fields reports are
 * filtered by and its finding codes.
 *
 * @param id         sha256 of the original: the report's identity in the API
 * @param storedName its file name in done/ (the JSON is {@code storedName + ".json"})
 * @param file       the name it was submitted under
 * @param mediaType  detected media type of the original
 * @param partlyRead a section the form should have was not read: the report is shown as 未完整读取
 */
public record ReportSummary(String id, String storedName, String file, String mediaType, String kind,
                            Integer year, String region, String regionCode, String project,
                            String department, int errors, int warnings, List<String> findingCodes,
                            boolean partlyRead) {

    public ReportSummary {
        findingCodes = List.copyOf(findingCodes);
    }

    static ReportSummary of(String storedName, Report r) {
        List<String> codes = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (Finding f : r.findings()) {
            if (!codes.contains(f.code())) codes.add(f.code());
            if (f.severity() == Severity.ERROR) errors++;
            else if (f.severity() == Severity.WARNING) warnings++;
        }
        return new ReportSummary(r.source().sha256(), storedName, r.source().file(), r.source().mediaType(),
                r.kind() == null ? null : r.kind().name(), r.year(), r.region(), r.regionCode(),
                r.project().name(), r.project().department(), errors, warnings, codes, ReadState.partlyRead(r));
    }

    /** The same from a report JSON written earlier (read back at start). */
    static ReportSummary of(String storedName, JsonNode r) {
        List<String> codes = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (JsonNode f : r.path("findings")) {
            String code = f.path("code").asText();
            if (!codes.contains(code)) codes.add(code);
            String severity = f.path("severity").asText();
            if (Severity.ERROR.name().equals(severity)) errors++;
            else if (Severity.WARNING.name().equals(severity)) warnings++;
        }
        // The same rule as ReadState.partlyRead: a section expected and not found or without a row, or its finding.
        boolean partly = codes.contains(FindingCode.SECTION_NOT_READ.code());
        for (JsonNode c : r.path("coverage")) {
            if (c.path("expected").asBoolean() && (!c.path("found").asBoolean() || c.path("rowsRead").asInt() == 0)) partly = true;
        }
        JsonNode source = r.path("source");
        JsonNode project = r.path("project");
        return new ReportSummary(source.path("sha256").asText(), storedName, text(source, "file"),
                text(source, "mediaType"), text(r, "kind"), r.path("year").isInt() ? r.path("year").asInt() : null,
                text(r, "region"), text(r, "regionCode"), text(project, "name"), text(project, "department"),
                errors, warnings, codes, partly);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package org.jixiao.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jixiao.model.FindingCode;
import org.jixiao.model.ReportField;
import org.jixiao.model.Severity;
import org.jixiao.output.ReadState;

/**
 * {@code GET /api/finding-codes}: the model's catalogue as the web page reads it, so that the page
 * keeps no list of its own. {@code codes}: code, severity, title, explanation, figure and whether
 * reports can hold it; {@code severities} and {@code fields}: the Chinese words for severities and
 * for the report fields findings name; {@code partlyRead}: how a report read in part is shown.
 */
final class FindingCatalogue {

    private FindingCatalogue() {
    }

    static ObjectNode json(ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode codes = body.putArray("codes");
        for (FindingCode c : FindingCode.values()) {
            codes.addObject().put("code", c.code()).put("severity", c.severity().name()).put("title", c.title())
                    .put("explanation", c.explanation()).put("figure", c.figure()).put("inReports", c.inReports());
        }
        ObjectNode severities = body.putObject("severities");
        for (Severity s : Severity.values()) severities.put(s.name(), s.title());
        ObjectNode fields = body.putObject("fields");
        for (ReportField f : ReportField.values()) fields.put(f.json(), f.label());
        body.put("partlyRead", ReadState.PARTLY_READ);
        return body;
    }
}

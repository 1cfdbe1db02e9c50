package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Location;
import org.jixiao.model.OcrReading;
import org.jixiao.model.ScannedPart;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SectionCoverage;
import org.jixiao.model.SourceInfo;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.Test;

/** The schema publishes form, coverage, skipped checks, figure locations and the located finding. */
class ReportSchemaTest {

    private static JsonNode json(Report r) throws Exception {
        return ReportJson.mapper().readTree(ReportJson.write(r));
    }

    private static Report report() {
        Location rate = new Location(1, null, 4, 6, null, null);
        return new Report(ReportKind.SELF_EVALUATION, 2021, null, null, "测试", new SourceInfo("a.txt", "0".repeat(64), "text/plain", 2),
                new Project("测试项目", null, null), null, null, null, null,
                List.of(FindingCode.EXECUTION_RATE_MISMATCH.finding("executionRate", "执行率不符", new BigDecimal("91.81"),
                                new BigDecimal("93.50"), rate),
                        FindingCode.NARRATIVE_MISMATCH.finding("executionRate", "叙述不符", Location.narrative(10, 20))),
                null, FormVariant.PROJECT_SELF_EVALUATION,
                List.of(new SectionCoverage("indicators", "绩效指标", true, true, 0, List.of("三级指标"), List.of("得分"), Location.line(9))),
                List.of("未能核对总分：报告未填总分"), Map.of("funds.executionRate", rate, "indicators[0].score", Location.line(12)));
    }

    @Test
    void newFieldsValidate() throws Exception {
        JsonNode r = json(report());
        assertEquals(Set.of(), ReportSchema.errors(r));
        assertEquals(6, r.at("/findings/0/location/column").asInt());
        assertEquals(10, r.at("/findings/1/location/start").asInt());
        for (FormVariant f : FormVariant.values()) {
            ((ObjectNode) r).put("form", f.name());
            assertEquals(Set.of(), ReportSchema.errors(r), f.name());
        }
    }

    @Test
    void whatWasRecognisedFromAScanIsPublishedAndNothingElseChanges() throws Exception {
        JsonNode plain = json(report());
        assertFalse(plain.at("/figureLocations/funds.executionRate").has("ocr"), "a text layer's location has no ocr field");
        assertFalse(plain.at("/coverage/0").has("scanned"), "a text layer's coverage has no scanned field");
        Location rate = new Location(1, null, 4, 6, null, null).withOcr(new OcrReading("93.50%", 0.91));
        Report r = report();
        Report scanned = new Report(r.kind(), r.year(), r.region(), r.regionCode(), r.title(), r.source(), r.project(), r.funds(),
                r.indicators(), r.budgetItems(), r.totalScore(), r.findings(), r.statements(), r.form(),
                List.of(r.coverage().get(0).withScanned(new ScannedPart(List.of(1, 2), 12, 0.87))), r.skippedChecks(),
                Map.of("funds.executionRate", rate));
        JsonNode json = json(scanned);
        assertEquals(Set.of(), ReportSchema.errors(json));
        assertEquals("93.50%", json.at("/figureLocations/funds.executionRate/ocr/text").asText());
        assertEquals(0.91, json.at("/figureLocations/funds.executionRate/ocr/confidence").asDouble());
        assertEquals(12, json.at("/coverage/0/scanned/items").asInt());
        assertEquals(scanned, ReportJson.read(ReportJson.write(scanned)), "read back field for field");
        ((ObjectNode) json.at("/figureLocations/funds.executionRate/ocr")).put("confidence", 1.5);
        assertFalse(ReportSchema.errors(json).isEmpty(), "a confidence is at most 1");
    }

    @Test
    void theSchemaRefusesWhatTheContractDoesNotSay() throws Exception {
        ObjectNode badSection = (ObjectNode) json(report());
        ((ObjectNode) badSection.at("/coverage/0")).put("section", "appendix");
        assertFalse(ReportSchema.errors(badSection).isEmpty(), "unknown section");
        ObjectNode badForm = (ObjectNode) json(report());
        badForm.put("form", "MEMO");
        assertFalse(ReportSchema.errors(badForm).isEmpty(), "unknown form");
        ObjectNode badColumn = (ObjectNode) json(report());
        ((ObjectNode) badColumn.at("/figureLocations/funds.executionRate")).put("column", 0);
        assertFalse(ReportSchema.errors(badColumn).isEmpty(), "columns are 1-based");
        ObjectNode badSkip = (ObjectNode) json(report());
        badSkip.putArray("skippedChecks").add(3);
        assertFalse(ReportSchema.errors(badSkip).isEmpty(), "skipped checks are texts");
    }
}

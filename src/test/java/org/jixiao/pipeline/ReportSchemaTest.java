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

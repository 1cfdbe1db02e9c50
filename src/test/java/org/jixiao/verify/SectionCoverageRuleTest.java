package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.Location;
import org.jixiao.model.Report;
import org.jixiao.model.SectionCoverage;
import org.jixiao.model.Severity;
import org.junit.jupiter.api.Test;

/** A section the form should have and that was not read is a SECTION_NOT_READ warning, never silence. */
class SectionCoverageRuleTest {

    @Test
    void oneWarningPerSectionNotReadWithItsTitleWhatIsMissingAndWhere() {
        TestReports t = TestReports.consistent();
        Location at = new Location(2, null, 5);
        t.coverage.add(new SectionCoverage("funds", "项目资金", true, true, 1, List.of("预算数"), List.of(), new Location(1, null, 3)));
        t.coverage.add(new SectionCoverage("budgetItems", "项目概算", true, true, 0, List.of("项目明细名称"), List.of("金额"), at));
        t.coverage.add(new SectionCoverage("priorYear", "上年度项目资金使用情况", true, false, 0, List.of(), List.of(), null));
        t.coverage.add(new SectionCoverage("sources", "项目资金来源", false, false, 0, List.of(), List.of(), null));
        Report r = assertFindings(t.build(), "SECTION_NOT_READ/budgetItems", "SECTION_NOT_READ/priorYear");
        assertTrue(r.partlyRead());
        Finding items = r.findings().stream().filter(f -> f.subject().equals("budgetItems")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, items.severity());
        assertEquals(at, items.location());
        assertTrue(items.message().contains("项目概算") && items.message().contains("缺少金额"), items.message());
        Finding prior = r.findings().stream().filter(f -> f.subject().equals("priorYear")).findFirst().orElseThrow();
        assertTrue(prior.message().contains("上年度项目资金使用情况") && prior.message().contains("未找到"), prior.message());
        assertNull(prior.location());
    }

    @Test
    void indicatorsNotReadAreASectionNotReadNotNoIndicators() {
        TestReports t = new TestReports().funds("1688.91", "1550.59", "91.81", "20", "18.36");
        t.coverage.add(new SectionCoverage("indicators", "绩效指标", true, true, 0, List.of("三级指标"), List.of("分值", "得分"),
                new Location(1, null, 9)));
        Report r = assertFindings(t.build(), "SECTION_NOT_READ/indicators");
        assertTrue(only(r, "SECTION_NOT_READ").message().contains("缺少分值、得分"));
    }

    @Test
    void withoutCoverageNoIndicatorsStays() {
        assertFindings(new TestReports().funds("1688.91", "1550.59", "91.81", "20", "18.36").build(), "NO_INDICATORS/indicators");
    }

    @Test
    void aFullyReadReportHasNoSectionFinding() {
        TestReports t = TestReports.consistent();
        t.coverage.add(new SectionCoverage("funds", "项目资金", true, true, 1, List.of(), List.of(), null));
        t.coverage.add(new SectionCoverage("indicators", "绩效指标", true, true, 2, List.of(), List.of(), null));
        Report r = assertFindings(t.build());
        assertFalse(r.partlyRead());
    }
}

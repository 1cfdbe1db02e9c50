package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Finding;
import org.jixiao.model.FundSource;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.junit.jupiter.api.Test;

class ArithmeticRulesTest {

    @Test
    void consistentReportRaisesNothing() {
        assertFindings(TestReports.consistent().build());
    }

    @Test
    void wrongRateIsOneFindingWithBothNumbersAndTheirSource() {
        Report r = assertFindings(TestReports.consistent().funds("1688.91", "1550.59", "93.50", "20", "18.36").build(),
                "EXECUTION_RATE_MISMATCH/executionRate");
        Finding f = only(r, "EXECUTION_RATE_MISMATCH");
        assertEquals("执行率应为 91.81%（执行数 1550.59 ÷ 预算数 1688.91），报告填写 93.50%", f.message());
        assertEquals(0, new BigDecimal("91.81").compareTo(f.expected()));
        assertEquals(0, new BigDecimal("93.50").compareTo(f.reported()));
    }

    @Test
    void toleranceIsOneCentAfterRounding() {
        assertFindings(TestReports.consistent().funds("1688.91", "1550.59", "91.82", "20", "18.37").total("98.37").build());
        assertFindings(TestReports.consistent().funds("1688.91", "1550.59", "91.83", "20", "18.36").build(),
                "EXECUTION_RATE_MISMATCH/executionRate");
    }

    @Test
    void wrongExecutionScoreDoesNotCascadeIntoTheTotal() {
        // The reported total adds the reported execution score: only the score itself is wrong.
        assertFindings(TestReports.consistent().funds("1688.91", "1550.59", "91.81", "20", "20").total("100").build(),
                "EXECUTION_SCORE_MISMATCH/executionScore");
    }

    @Test
    void overspendingCapsTheExecutionScoreAtItsWeight() {
        assertFindings(TestReports.consistent().funds("100", "120", "120.00", "20", "20").total("100").build());
    }

    @Test
    void wrongTotal() {
        Report r = assertFindings(TestReports.consistent().total("95").build(), "TOTAL_SCORE_MISMATCH/totalScore");
        assertTrue(only(r, "TOTAL_SCORE_MISMATCH").message().contains("98.36"));
    }

    @Test
    void budgetItemsMustAddUpToTheProjectTotal() {
        TestReports t = new TestReports();
        t.kind = ReportKind.TARGET_DECLARATION;
        t.totalAmount = new BigDecimal("300.00");
        t.indicator("效果目标", "社会效益", "服务人数", "≥80万", null, null, null);
        t.items.addAll(List.of(new BudgetItem("软件维护", new BigDecimal("200.00"), null, null),
                new BudgetItem("硬件维护", new BigDecimal("99.90"), null, null)));
        Report r = assertFindings(t.build(), "BUDGET_ITEMS_SUM_MISMATCH/budgetItems");
        assertEquals("项目概算 2 项合计 299.90 万元，与项目总金额 300.00 万元不符", only(r, "BUDGET_ITEMS_SUM_MISMATCH").message());
        t.items.set(1, new BudgetItem("硬件维护", new BigDecimal("100.00"), null, null));
        assertFindings(t.build());
    }

    @Test
    void fundSourcesMustAddUpToTheirTotal() {
        TestReports t = TestReports.consistent();
        t.sourcesTotal = new BigDecimal("1688.91");
        t.sources = List.of(new FundSource("本年财政拨款", new BigDecimal("1500.00")), new FundSource("上年结转资金", new BigDecimal("188.91")));
        assertFindings(t.build());
        t.sources = List.of(new FundSource("本年财政拨款", new BigDecimal("1500.00")), new FundSource("上年结转资金", new BigDecimal("180.00")));
        assertFindings(t.build(), "FUND_SOURCES_SUM_MISMATCH/sources");
    }

    @Test
    void priorYearBalanceAndUseRate() {
        TestReports t = TestReports.consistent();
        t.priorYear = new PriorYear(new BigDecimal("621.11"), new BigDecimal("432.49"), new BigDecimal("188.62"), new BigDecimal("69.63"));
        assertFindings(t.build());
        t.priorYear = new PriorYear(new BigDecimal("621.11"), new BigDecimal("432.49"), new BigDecimal("198.62"), new BigDecimal("69.63"));
        Report r = assertFindings(t.build(), "PRIOR_YEAR_MISMATCH/priorYear");
        assertEquals(0, new BigDecimal("188.62").compareTo(only(r, "PRIOR_YEAR_MISMATCH").expected()));
    }
}

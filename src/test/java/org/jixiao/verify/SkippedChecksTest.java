package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.VERIFIER;
import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.Severity;
import org.junit.jupiter.api.Test;

/** A rule missing an input checks what it can and names what it could not check, where the form calls for it. */
class SkippedChecksTest {

    @Test
    void aConsistentReportSkipsNothing() {
        assertEquals(List.of(), VERIFIER.apply(TestReports.consistent().build()).skippedChecks());
    }

    @Test
    void totalSumsTheScoresThatExistAndNamesTheRowsWithout() {
        TestReports t = TestReports.consistent().indicator("效益指标", "社会效益指标", "受益人数", "≥100 人", "100 人", null, null);
        // 18.36 + 40 + 40 = 98.36: the row without a score does not stop the check, and the total agrees.
        Report agrees = assertFindings(t.build());
        assertTrue(agrees.skippedChecks().contains("总分核对未计入未填得分的指标“受益人数”"), agrees.skippedChecks().toString());
        Report differs = assertFindings(t.total("99.36").build(), "TOTAL_SCORE_MISMATCH/totalScore");
        var f = only(differs, "TOTAL_SCORE_MISMATCH");
        assertTrue(f.message().contains("“受益人数”未填得分，未计入") && f.message().contains("98.36"), f.message());
        // The difference may be the missing score: a warning, not an error.
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void aMissingTotalIsSaidForASelfEvaluation() {
        Report r = assertFindings(TestReports.consistent().total(null).build());
        assertTrue(r.skippedChecks().contains("未能核对总分：报告未填总分"), r.skippedChecks().toString());
    }

    @Test
    void aMissingExecutedAmountIsSaidAndTheRestStillChecked() {
        Report r = assertFindings(TestReports.consistent().funds("1688.91", null, "91.81", "20", "18.36").build());
        assertTrue(r.skippedChecks().contains("未能核对执行率：未读到全年执行数"), r.skippedChecks().toString());
        assertTrue(r.skippedChecks().contains("未能核对预算执行得分：未读到全年执行数"), r.skippedChecks().toString());
        // The total does not need the executed amount: still checked.
        assertFindings(TestReports.consistent().funds("1688.91", null, "91.81", "20", "18.36").total("90").build(),
                "TOTAL_SCORE_MISMATCH/totalScore");
    }

    @Test
    void aDeclarationHasNoExecutionRateToMiss() {
        TestReports t = new TestReports();
        t.kind = ReportKind.TARGET_DECLARATION;
        t.form = FormVariant.PROJECT_DECLARATION;
        t.adjusted = new BigDecimal("300.00");
        t.indicator("效果目标", "社会效益", "服务人数", "≥80万", null, "10", null);
        Report r = assertFindings(t.build());
        assertEquals(List.of(), r.skippedChecks());
    }

    @Test
    void aSelfEvaluationWithoutExecutionFiguresSaysSo() {
        TestReports t = new TestReports().indicator("效益指标", "社会效益指标", "受益人数", "≥100 人", "100 人", "10", "10");
        t.form = FormVariant.PROJECT_SELF_EVALUATION;
        Report r = VERIFIER.apply(t.build());
        assertTrue(r.skippedChecks().contains("未能核对执行率：报告未填执行率、未读到全年执行数、未读到全年预算数"),
                r.skippedChecks().toString());
        assertTrue(r.skippedChecks().contains("未能核对总分：报告未填总分"), r.skippedChecks().toString());
    }

    @Test
    void budgetItemsWithoutAnAmountAreLeftOutAndNamed() {
        TestReports t = new TestReports();
        t.kind = ReportKind.TARGET_DECLARATION;
        t.totalAmount = new BigDecimal("300.00");
        t.indicator("效果目标", "社会效益", "服务人数", "≥80万", null, null, null);
        t.items.addAll(List.of(new BudgetItem("软件维护", new BigDecimal("200.00"), null, null),
                new BudgetItem("硬件维护", null, null, null)));
        Report r = assertFindings(t.build(), "BUDGET_ITEMS_SUM_MISMATCH/budgetItems");
        assertEquals(Severity.WARNING, only(r, "BUDGET_ITEMS_SUM_MISMATCH").severity());
        assertTrue(only(r, "BUDGET_ITEMS_SUM_MISMATCH").message().contains("“硬件维护”未填金额"));
        t.totalAmount = null;
        Report noTotal = assertFindings(t.build());
        assertTrue(noTotal.skippedChecks().contains("未能核对项目概算合计：未读到项目总金额"), noTotal.skippedChecks().toString());
    }

    @Test
    void indicatorsWithoutWeightAreNamed() {
        Report r = assertFindings(TestReports.consistent().indicator("效益指标", "社会效益指标", "受益人数", "≥100 人", "100 人", null, "0")
                .build());
        assertTrue(r.skippedChecks().contains("未能核对指标得分：指标“受益人数”未读到分值"), r.skippedChecks().toString());
        assertTrue(r.skippedChecks().contains("未能核对分值合计：指标“受益人数”未读到分值"), r.skippedChecks().toString());
    }
}

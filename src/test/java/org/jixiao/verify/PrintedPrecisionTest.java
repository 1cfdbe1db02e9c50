package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.jixiao.model.Finding;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * Rates are display values and agree at their printed precision; scores follow their formula to
 * two decimals, a rounded score being a warning that says so.
 */
class PrintedPrecisionTest {

    /** Execution 862 of 1000 (86.20%, score 8.62 of 10) beside indicators worth 90 in all. */
    private static TestReports execution(String rate, String score, String total) {
        return new TestReports()
                .funds("1000.00", "862.00", rate, "10", score)
                .indicator("产出指标", "数量指标", "办件数量", "≥15 个", "16 个", "45", "45")
                .indicator("效益指标", "社会效益指标", "群众办事时间", "≤3 天", "2 天", "45", "45")
                .total(total);
    }

    @Test
    void wholePercentRateAgreesWhenTheRecomputedRateRoundsToIt() {
        assertFindings(execution("86", "8.62", "98.62").build());
        // 86.20% rounds to 86, not to 87.
        Report r = assertFindings(execution("87", "8.62", "98.62").build(), "EXECUTION_RATE_MISMATCH/executionRate");
        Finding f = only(r, "EXECUTION_RATE_MISMATCH");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("执行率应为 86.20%（执行数 862.00 ÷ 预算数 1000.00，按填报精度取整为 86%），报告填写 87%", f.message());
        assertEquals(0, new BigDecimal("86.20").compareTo(f.expected()));
        assertEquals(0, new BigDecimal("87").compareTo(f.reported()));
    }

    @Test
    void wholePercentOfTheSeedRateDoesNotAgree() {
        // 1550.59 ÷ 1688.91 = 91.81%: printed 91% it is wrong, printed 92% it is right.
        TestReports t = new TestReports().funds("1688.91", "1550.59", "91", null, null);
        Report r = assertFindings(t.build(), "EXECUTION_RATE_MISMATCH/executionRate", "NO_INDICATORS/indicators");
        assertTrue(only(r, "EXECUTION_RATE_MISMATCH").message().contains("91.81%"), only(r, "EXECUTION_RATE_MISMATCH").message());
        assertTrue(only(r, "EXECUTION_RATE_MISMATCH").message().contains("取整为 92%"));
        assertFindings(new TestReports().funds("1688.91", "1550.59", "92", null, null).build(), "NO_INDICATORS/indicators");
    }

    @Test
    void oneDecimalRateAgreesAtOneDecimal() {
        assertFindings(new TestReports().funds("1688.91", "1550.59", "91.8", null, null).build(), "NO_INDICATORS/indicators");
        Report r = assertFindings(new TestReports().funds("1688.91", "1550.59", "91.7", null, null).build(),
                "EXECUTION_RATE_MISMATCH/executionRate", "NO_INDICATORS/indicators");
        assertTrue(only(r, "EXECUTION_RATE_MISMATCH").message().contains("保留 1 位小数为 91.8%"));
    }

    @Test
    void twoDecimalRatesKeepTheCentTolerance() {
        assertFindings(execution("86.21", "8.62", "98.62").build());
        assertFindings(execution("86.22", "8.62", "98.62").build(), "EXECUTION_RATE_MISMATCH/executionRate");
    }

    @Test
    void priorYearUseRateAgreesAtItsPrintedPrecision() {
        // 432.49 ÷ 621.11 = 69.63%.
        TestReports t = execution("86.20", "8.62", "98.62");
        t.priorYear = new PriorYear(new BigDecimal("621.11"), new BigDecimal("432.49"), new BigDecimal("188.62"), new BigDecimal("70"));
        assertFindings(t.build());
        t.priorYear = new PriorYear(new BigDecimal("621.11"), new BigDecimal("432.49"), new BigDecimal("188.62"), new BigDecimal("69.6"));
        assertFindings(t.build());
        t.priorYear = new PriorYear(new BigDecimal("621.11"), new BigDecimal("432.49"), new BigDecimal("188.62"), new BigDecimal("69"));
        Report r = assertFindings(t.build(), "PRIOR_YEAR_MISMATCH/priorYear");
        assertTrue(only(r, "PRIOR_YEAR_MISMATCH").message().contains("69.63%") && only(r, "PRIOR_YEAR_MISMATCH").message().contains("取整为 70%"));
    }

    @Test
    void integerExecutionScoreExplainedByRoundingIsAWarningThatSaysSo() {
        Report r = assertFindings(execution("86.20", "9", "99").build(), "EXECUTION_SCORE_MISMATCH/executionScore");
        Finding f = only(r, "EXECUTION_SCORE_MISMATCH");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("按公式应为 8.62 分") && f.message().contains("填报取整为 9 分"), f.message());
        assertEquals(0, new BigDecimal("8.62").compareTo(f.expected()));
    }

    @Test
    void integerExecutionScoreNoRoundingExplainsIsAnError() {
        Report r = assertFindings(execution("86.20", "8", "98").build(), "EXECUTION_SCORE_MISMATCH/executionScore");
        Finding f = only(r, "EXECUTION_SCORE_MISMATCH");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("预算执行得分应为 8.62 分（分值 10 × 执行率 86.20%，执行率按 862.00 ÷ 1000.00 计，超过 100% 按 100% 计），报告填写 8 分",
                f.message());
    }

    /** One indicator worth 10 whose formula gives 5.75 (230 of 400), beside a benefit indicator. */
    private static Report indicatorScored(String score) {
        return new TestReports().indicator("产出指标", "数量指标", "被测指标", "≥400条", "230条", "10", score)
                .indicator("效益指标", "社会效益指标", "受益人数", "≥100 人", "100 人", "10", "10").build();
    }

    @Test
    void integerIndicatorScoreExplainedByRoundingIsAWarning() {
        Report r = assertFindings(indicatorScored("6"), "INDICATOR_SCORE_MISMATCH/被测指标");
        Finding f = only(r, "INDICATOR_SCORE_MISMATCH");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("按公式应为 5.75 分") && f.message().contains("填报取整为 6 分"), f.message());
        Report oneDecimal = assertFindings(indicatorScored("5.8"), "INDICATOR_SCORE_MISMATCH/被测指标");
        assertEquals(Severity.WARNING, only(oneDecimal, "INDICATOR_SCORE_MISMATCH").severity());
        assertTrue(only(oneDecimal, "INDICATOR_SCORE_MISMATCH").message().contains("保留 1 位小数为 5.8 分"));
    }

    @Test
    void indicatorScoreNoRoundingExplainsIsAnError() {
        for (String score : new String[] {"5", "7", "5.7"}) {
            Report r = assertFindings(indicatorScored(score), "INDICATOR_SCORE_MISMATCH/被测指标");
            Finding f = only(r, "INDICATOR_SCORE_MISMATCH");
            assertEquals(Severity.ERROR, f.severity(), score);
            assertTrue(f.message().contains("得分应为 5.75 分") && f.message().contains("报告填写 " + score + " 分"), f.message());
        }
        assertFindings(indicatorScored("5.75"));
    }

    @Test
    void integerTotalExplainedByRoundingIsAWarning() {
        Report r = assertFindings(execution("86.20", "8.62", "99").build(), "TOTAL_SCORE_MISMATCH/totalScore");
        assertEquals(Severity.WARNING, only(r, "TOTAL_SCORE_MISMATCH").severity());
        assertTrue(only(r, "TOTAL_SCORE_MISMATCH").message().contains("填报取整为 99 分"));
        Report wrong = assertFindings(execution("86.20", "8.62", "97").build(), "TOTAL_SCORE_MISMATCH/totalScore");
        assertEquals(Severity.ERROR, only(wrong, "TOTAL_SCORE_MISMATCH").severity());
    }
}

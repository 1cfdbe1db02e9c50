package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.jixiao.model.Report;
import org.junit.jupiter.api.Test;

class IndicatorScoreRuleTest {

    /** One indicator worth W=10 next to a benefit indicator, so no design warning interferes. */
    private static Report one(String level2, String target, String actual, String weight, String score) {
        TestReports t = new TestReports().indicator("产出指标", level2, "被测指标", target, actual, weight, score)
                .indicator("效益指标", "社会效益指标", "受益人数", "≥100 人", "100 人", "10", "10");
        return t.build();
    }

    @Test
    void positiveScoresWeightTimesRatioCappedAtOne() {
        assertFindings(one("数量指标", "≥300条", "240条", "10", "8"));
        assertFindings(one("数量指标", "不少于 300 条", "360 条", "10", "10"));
        Report r = assertFindings(one("数量指标", "≥300条", "240条", "10", "10"), "INDICATOR_SCORE_MISMATCH/被测指标");
        assertEquals(0, new BigDecimal("8.00").compareTo(only(r, "INDICATOR_SCORE_MISMATCH").expected()));
    }

    @Test
    void negativeScoresWeightTimesInverseRatioAndWithinBoundIsAchieved() {
        assertFindings(one("时效指标", "≤4小时", "3小时", "10", "10"));
        assertFindings(one("时效指标", "6 小时以内", "6 小时以内", "10", "10"));
        assertFindings(one("质量指标", "每年故障少于 2 次", "每年故障少于 2 次", "10", "10"));
        assertFindings(one("质量指标", "少于 2 次", "0 次", "10", "10"));
        assertFindings(one("时效指标", "≤4小时", "5小时", "10", "8"));
        assertFindings(one("时效指标", "≤4小时", "5小时", "10", "10"), "INDICATOR_SCORE_MISMATCH/被测指标");
    }

    @Test
    void bareNumberOnAQuantityIndicatorIsPositive() {
        assertFindings(one("数量指标", "15 个", "12 个", "10", "8"));
        assertFindings(one("数量指标", "15 个", "12 个", "10", "10"), "INDICATOR_SCORE_MISMATCH/被测指标");
        // A bare number elsewhere says nothing about direction: not rescored.
        assertFindings(one("质量指标", "0", "1", "10", "10"));
    }

    @Test
    void qualitativeOnlyNeedsAScoreWithinTheWeight() {
        assertFindings(one("质量指标", "合格", "合格", "10", "9"));
        assertFindings(one("质量指标", "合格", "合格", "10", "12"), "INDICATOR_SCORE_MISMATCH/被测指标");
        assertFindings(one("质量指标", "合格", "合格", "10", "-1"), "INDICATOR_SCORE_MISMATCH/被测指标");
    }

    @Test
    void noWeightNoFinding() {
        assertFindings(one("数量指标", "≥300条", "100条", null, "10"));
    }

    @Test
    void negativeActualCountsAsZero() {
        assertFindings(one("数量指标", "≥300条", "-5条", "10", "0"));
    }

    @Test
    void differentUnitsAreNotCompared() {
        assertFindings(one("数量指标", "≥300条", "2 个", "10", "10"));
    }
}

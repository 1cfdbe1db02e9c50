package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;

import org.jixiao.model.ReportKind;
import org.junit.jupiter.api.Test;

class DesignRulesTest {

    private static TestReports declaration() {
        TestReports t = new TestReports();
        t.kind = ReportKind.TARGET_DECLARATION;
        return t;
    }

    @Test
    void duplicateNamesRaiseOneFindingPerName() {
        assertFindings(declaration()
                        .indicator("产出指标", "质量指标", "系统运行稳定", "故障少于 2 次", null, null, null)
                        .indicator("产出指标", "质量指标", "系统 运行稳定", "故障少于 2 次", null, null, null)
                        .indicator("效益指标", "社会效益指标", "服务人数", "≥100人", null, null, null).build(),
                "DUPLICATE_INDICATOR/系统运行稳定");
    }

    @Test
    void timeIndicatorUnderQualityAndSatisfactionUnderOutputOrBenefit() {
        assertFindings(declaration()
                        .indicator("产出指标", "质量指标", "故障处理响应时间", "≤6小时", null, null, null)
                        .indicator("产出指标", "时效指标", "故障恢复时间", "≤4小时", null, null, null)
                        .indicator("产出指标", "数量指标", "群众满意度", "≥90%", null, null, null)
                        .indicator("效益指标", "社会效益指标", "服务对象满意率", "≥95%", null, null, null)
                        .indicator("效益指标", "社会效益指标", "服务人数", "≥100人", null, null, null)
                        .indicator("满意度指标", "服务对象满意度指标", "参保人满意度", "≥90%", null, null, null).build(),
                "MISCLASSIFIED_INDICATOR/故障处理响应时间", "MISCLASSIFIED_INDICATOR/群众满意度",
                "MISCLASSIFIED_INDICATOR/服务对象满意率");
    }

    @Test
    void targetTooLowOnlyForPositiveTargetsAboveZero() {
        assertFindings(new TestReports()
                        .indicator("产出指标", "数量指标", "办件数量", "15 个", "30 个", null, null)
                        .indicator("产出指标", "数量指标", "培训人次", "≥100人次", "199人次", null, null)
                        .indicator("产出指标", "质量指标", "差错数", "0", "3", null, null)
                        .indicator("产出指标", "时效指标", "办结时长", "≤2天", "5天", null, null)
                        .indicator("效益指标", "社会效益指标", "服务人数", "≥100人", "100人", null, null).build(),
                "TARGET_TOO_LOW/办件数量");
    }

    @Test
    void benefitCountsUnderAnEffectLevelToo() {
        assertFindings(declaration().indicator("产出指标", "数量指标", "巡检次数", "=12次", null, null, null).build(),
                "MISSING_BENEFIT_INDICATORS/indicators");
        assertFindings(declaration().indicator("产出目标", "数量", "巡检次数", "=12次", null, null, null)
                .indicator("效果目标", "社会效益", "服务人数", "≥80万", null, null, null).build());
    }

    @Test
    void vagueTargetsHaveNothingMeasurable() {
        assertFindings(declaration()
                        .indicator("产出目标", "时效", "开发完成时限", "按照业务要求完成", null, null, null)
                        .indicator("产出目标", "质量", "服务质量", "逐步提高", null, null, null)
                        .indicator("产出目标", "质量", "响应质量", "进一步提升至 95% 以上", null, null, null)
                        .indicator("产出目标", "质量", "制度健全性", "健全", null, null, null)
                        .indicator("效果目标", "社会效益", "服务人数", "≥80万", null, null, null).build(),
                "VAGUE_TARGET/开发完成时限", "VAGUE_TARGET/服务质量");
    }

    @Test
    void weightsOfASelfEvaluationMakeOneHundred() {
        assertFindings(new TestReports().funds("100", "100", "100.00", "10", "10")
                        .indicator("产出指标", "数量指标", "办件数量", "≥15 个", "15 个", "50", "50")
                        .indicator("效益指标", "社会效益指标", "服务人数", "≥100人", "100人", "30", "30").total("90").build(),
                "WEIGHT_SUM_MISMATCH/weights");
    }

    @Test
    void noIndicatorTable() {
        assertFindings(declaration().build(), "NO_INDICATORS/indicators");
    }

    @Test
    void aCategoryWeighsWhatItsIndicatorsWeigh() {
        assertFindings(declaration()
                        .weighted("产出指标", "30", "数量指标", "20", "新建站点", "≥10个", "12")
                        .weighted("产出指标", "30", "数量指标", "20", "培训人次", "≥300人次", "8")
                        .weighted("产出指标", "30", "质量指标", "10", "验收合格率", "100%", "6")
                        .weighted("效益指标", "20", "社会效益指标", null, "受益人数", "≥500人", "20")
                        .weighted("效益指标", "20", "社会效益指标", null, "服务覆盖率", "≥90%", null).build(),
                // 产出 30 = 12 + 8 + 6 = 26; 数量 20 = 12 + 8 holds; 质量 10 ≠ 6; 效益 has a row without
                // a weight, so it is not summed.
                "WEIGHT_SUM_MISMATCH/产出指标", "WEIGHT_SUM_MISMATCH/质量指标");
    }
}

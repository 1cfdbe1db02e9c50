package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Indicator;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;

/**
 * INDICATOR_SCORE_MISMATCH: an indicator's reported 得分 exceeds its 分值, is negative, or differs
 * from the rescored value. A score printed with fewer decimals than the formula gives still
 * differs (scores are not display values), but when rounding to the printed decimals explains it
 * the finding says so and is a WARNING. Without a weight nothing is raised; in a self-evaluation
 * the rows that could not be checked for want of a weight or a score are listed as skipped.
 */
final class IndicatorScoreRule implements Rule {

    private final Rescorer rescorer;
    private final Figures figures;
    private final RuleSettings.Scoring scoring;

    IndicatorScoreRule(Rescorer rescorer, Figures figures, RuleSettings.Scoring scoring) {
        this.rescorer = rescorer;
        this.figures = figures;
        this.scoring = scoring;
    }

    @Override
    public void check(Report report, Checks out) {
        RuleSettings.Formulas formulas = scoring.forRegion(report.regionCode());
        List<String> withoutWeight = new ArrayList<>();
        List<String> withoutScore = new ArrayList<>();
        for (Indicator i : report.indicators()) {
            if (i.score() == null || i.weight() == null) {
                if (i.score() != null) withoutWeight.add("“" + i.name() + "”");
                else if (i.weight() != null) withoutScore.add("“" + i.name() + "”");
                continue;
            }
            if (i.score().compareTo(i.weight()) > 0) {
                // A scoring sheet's criteria may award bonus points (加分): above the weight is then
                // for the reviewer to confirm, not an arithmetic error.
                boolean bonus = report.form() == FormVariant.SCORING_SHEET;
                out.add(finding(i, bonus ? Severity.WARNING : Severity.ERROR, i.weight(),
                        "得分 " + Figures.show(i.score()) + " 超过该指标分值 " + Figures.show(i.weight())
                                + (bonus ? "（评分表的评分标准可能含加分项，请核对）" : "")));
                continue;
            }
            if (i.score().signum() < 0) {
                out.add(finding(i, Severity.ERROR, null,
                        "得分 " + Figures.show(i.score()) + " 为负数，应在 0 至 " + Figures.show(i.weight()) + " 之间"));
                continue;
            }
            Rescorer.Rescore r = rescorer.rescore(i, formulas);
            if (r == null || !figures.differ(i.score(), r.expected())) continue;
            BigDecimal expected = figures.round(r.expected());
            if (figures.roundingExplains(i.score(), r.expected())) {
                out.add(finding(i, Severity.WARNING, expected, "得分按公式应为 " + expected.toPlainString() + " 分（"
                        + r.explanation() + "），填报" + Figures.printedRounding(i.score()) + "为 " + Figures.show(i.score()) + " 分"));
            } else {
                out.add(finding(i, Severity.ERROR, expected, "得分应为 " + expected.toPlainString() + " 分（"
                        + r.explanation() + "），报告填写 " + Figures.show(i.score()) + " 分"));
            }
        }
        if (!withoutWeight.isEmpty()) out.skip("未能核对指标得分：指标" + String.join("", withoutWeight) + "未读到分值");
        if (!withoutScore.isEmpty() && FormScope.selfEvaluation(report)) {
            out.skip("未能核对指标得分：指标" + String.join("", withoutScore) + "报告未填得分");
        }
    }

    private static Finding finding(Indicator i, Severity severity, BigDecimal expected, String what) {
        return FindingCode.INDICATOR_SCORE_MISMATCH.finding(severity, i.name(), "指标“" + i.name() + "”" + what,
                expected, i.score(), i.location());
    }
}

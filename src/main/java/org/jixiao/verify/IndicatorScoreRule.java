package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;

/**
 * INDICATOR_SCORE_MISMATCH: an indicator's reported 得分 exceeds its 分值, is negative, or differs
 * from the rescored value. Without a weight nothing is raised.
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
    public List<Finding> check(Report report) {
        RuleSettings.Formulas formulas = scoring.forRegion(report.regionCode());
        List<Finding> out = new ArrayList<>();
        for (Indicator i : report.indicators()) {
            if (i.score() == null || i.weight() == null) continue;
            if (i.score().compareTo(i.weight()) > 0) {
                out.add(finding(i, i.weight(), "得分 " + Figures.show(i.score()) + " 超过该指标分值 " + Figures.show(i.weight())));
                continue;
            }
            if (i.score().signum() < 0) {
                out.add(finding(i, null, "得分 " + Figures.show(i.score()) + " 为负数，应在 0 至 " + Figures.show(i.weight()) + " 之间"));
                continue;
            }
            Rescorer.Rescore r = rescorer.rescore(i, formulas);
            if (r != null && figures.differ(i.score(), r.expected())) {
                out.add(finding(i, figures.round(r.expected()), "得分应为 " + figures.showRounded(r.expected()) + " 分（"
                        + r.explanation() + "），报告填写 " + Figures.show(i.score()) + " 分"));
            }
        }
        return out;
    }

    private static Finding finding(Indicator i, java.math.BigDecimal expected, String what) {
        return new Finding("INDICATOR_SCORE_MISMATCH", Severity.ERROR, i.name(), "指标“" + i.name() + "”" + what,
                expected, i.score(), i.location());
    }
}

package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FundSource;
import org.jixiao.model.Finding;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;

/**
 * The arithmetic checks (severity ERROR). Each compares one reported figure with the figure
 * recomputed from other reported figures, so one wrong number raises one finding, not a cascade.
 */
final class ArithmeticRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Figures figures;

    ArithmeticRules(Figures figures) {
        this.figures = figures;
    }

    List<Rule> all() {
        return List.of(this::executionRate, this::executionScore, this::totalScore, this::budgetItemsSum,
                this::fundSourcesSum, this::priorYear);
    }

    private List<Finding> executionRate(Report r) {
        Funds f = r.funds();
        if (f.executionRate() == null || f.executed() == null || positive(f.adjustedBudget()) == null) return List.of();
        BigDecimal expected = figures.round(Figures.divide(f.executed().multiply(HUNDRED), f.adjustedBudget()));
        if (!figures.differ(f.executionRate(), expected)) return List.of();
        return List.of(new Finding("EXECUTION_RATE_MISMATCH", Severity.ERROR, "executionRate",
                "执行率应为 " + expected.toPlainString() + "%（执行数 " + Figures.show(f.executed()) + " ÷ 预算数 "
                        + Figures.show(f.adjustedBudget()) + "），报告填写 " + Figures.show(f.executionRate()) + "%",
                expected, f.executionRate(), null));
    }

    private List<Finding> executionScore(Report r) {
        Funds f = r.funds();
        if (f.executionScore() == null || f.executionWeight() == null || f.executed() == null
                || positive(f.adjustedBudget()) == null) return List.of();
        BigDecimal ratio = Figures.divide(f.executed(), f.adjustedBudget()).min(BigDecimal.ONE);
        BigDecimal expected = figures.round(ratio.multiply(f.executionWeight()));
        if (!figures.differ(f.executionScore(), expected)) return List.of();
        return List.of(new Finding("EXECUTION_SCORE_MISMATCH", Severity.ERROR, "executionScore",
                "预算执行得分应为 " + expected.toPlainString() + " 分（分值 " + Figures.show(f.executionWeight())
                        + " × 执行率 " + figures.showRounded(ratio.multiply(HUNDRED)) + "%，执行率按 "
                        + Figures.show(f.executed()) + " ÷ " + Figures.show(f.adjustedBudget()) + " 计，超过 100% 按 100% 计），报告填写 "
                        + Figures.show(f.executionScore()) + " 分",
                expected, f.executionScore(), null));
    }

    private List<Finding> totalScore(Report r) {
        if (r.totalScore() == null || r.indicators().isEmpty()) return List.of();
        BigDecimal sum = r.funds().executionScore() == null ? BigDecimal.ZERO : r.funds().executionScore();
        for (Indicator i : r.indicators()) {
            if (i.score() == null) return List.of();
            sum = sum.add(i.score());
        }
        if (!figures.differ(r.totalScore(), sum)) return List.of();
        String parts = r.funds().executionScore() == null ? "各指标得分之和"
                : "预算执行得分 " + Figures.show(r.funds().executionScore()) + " + 各指标得分之和";
        return List.of(new Finding("TOTAL_SCORE_MISMATCH", Severity.ERROR, "totalScore",
                "总分应为 " + figures.showRounded(sum) + " 分（" + parts + "），报告填写 " + Figures.show(r.totalScore()) + " 分",
                figures.round(sum), r.totalScore(), null));
    }

    private List<Finding> budgetItemsSum(Report r) {
        if (r.budgetItems().isEmpty()) return List.of();
        BigDecimal total = r.funds().totalAmount() != null ? r.funds().totalAmount() : r.funds().adjustedBudget();
        String totalName = r.funds().totalAmount() != null ? "项目总金额" : "预算数";
        if (total == null) return List.of();
        BigDecimal sum = BigDecimal.ZERO;
        for (BudgetItem b : r.budgetItems()) {
            if (b.amount() == null) return List.of();
            sum = sum.add(b.amount());
        }
        if (!figures.differ(total, sum)) return List.of();
        return List.of(new Finding("BUDGET_ITEMS_SUM_MISMATCH", Severity.ERROR, "budgetItems",
                "项目概算 " + r.budgetItems().size() + " 项合计 " + figures.showRounded(sum) + " 万元，与" + totalName + " "
                        + Figures.show(total) + " 万元不符",
                figures.round(sum), total, null));
    }

    private List<Finding> fundSourcesSum(Report r) {
        List<FundSource> sources = r.funds().sources();
        BigDecimal total = r.funds().sourcesTotal();
        if (sources.isEmpty() || total == null) return List.of();
        BigDecimal sum = BigDecimal.ZERO;
        List<String> names = new ArrayList<>();
        for (FundSource s : sources) {
            if (s.amount() == null) continue;
            sum = sum.add(s.amount());
            names.add(s.name() + " " + Figures.show(s.amount()));
        }
        if (!figures.differ(total, sum)) return List.of();
        return List.of(new Finding("FUND_SOURCES_SUM_MISMATCH", Severity.ERROR, "sources",
                "资金来源合计 " + figures.showRounded(sum) + " 万元（" + String.join(" + ", names) + "），与资金总额 "
                        + Figures.show(total) + " 万元不符",
                figures.round(sum), total, null));
    }

    private List<Finding> priorYear(Report r) {
        PriorYear p = r.funds().priorYear();
        if (p == null || p.budget() == null || p.used() == null) return List.of();
        List<Finding> out = new ArrayList<>();
        if (p.balance() != null) {
            BigDecimal expected = p.budget().subtract(p.used());
            if (figures.differ(p.balance(), expected)) {
                out.add(new Finding("PRIOR_YEAR_MISMATCH", Severity.ERROR, "priorYear",
                        "上年度结余资金应为 " + figures.showRounded(expected) + " 万元（预算安排 " + Figures.show(p.budget())
                                + " − 实际使用 " + Figures.show(p.used()) + "），报告填写 " + Figures.show(p.balance()) + " 万元",
                        figures.round(expected), p.balance(), null));
            }
        }
        if (p.useRate() != null && positive(p.budget()) != null) {
            BigDecimal expected = figures.round(Figures.divide(p.used().multiply(HUNDRED), p.budget()));
            if (figures.differ(p.useRate(), expected)) {
                out.add(new Finding("PRIOR_YEAR_MISMATCH", Severity.ERROR, "priorYear",
                        "上年度资金使用率应为 " + expected.toPlainString() + "%（实际使用 " + Figures.show(p.used()) + " ÷ 预算安排 "
                                + Figures.show(p.budget()) + "），报告填写 " + Figures.show(p.useRate()) + "%",
                        expected, p.useRate(), null));
            }
        }
        return out;
    }

    private static BigDecimal positive(BigDecimal v) {
        return v != null && v.signum() > 0 ? v : null;
    }
}

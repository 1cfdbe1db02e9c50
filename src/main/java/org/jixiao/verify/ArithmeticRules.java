package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FundSource;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.Location;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;

/**
 * The arithmetic checks (severity ERROR). Each compares one reported figure with the figure
 * recomputed from other reported figures, so one wrong number raises one finding, not a cascade.
 * A check missing an input checks what it can and says what it skipped; a sum with parts that
 * were not filled in is checked over the parts that were, and lowered to WARNING when it differs
 * (the unfilled parts may be the difference).
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

    private void executionRate(Report r, Checks out) {
        Funds f = r.funds();
        if (f.executionRate() == null || f.executed() == null || positive(f.adjustedBudget()) == null) {
            if (FormScope.evaluatesExecution(r) || f.executionRate() != null) {
                List<String> missing = new ArrayList<>();
                if (f.executionRate() == null) missing.add("报告未填执行率");
                missing.addAll(executionInputsMissing(f));
                out.skip("未能核对执行率：" + String.join("、", missing));
            }
            return;
        }
        BigDecimal exact = Figures.divide(f.executed().multiply(HUNDRED), f.adjustedBudget());
        BigDecimal expected = figures.round(exact);
        if (!figures.rateDiffers(f.executionRate(), exact)) return;
        String printed = figures.printedCoarser(f.executionRate())
                ? "，按填报精度" + Figures.printedRounding(f.executionRate()) + "为 "
                        + Figures.atPrintedPrecision(exact, f.executionRate()).toPlainString() + "%"
                : "";
        out.add(FindingCode.EXECUTION_RATE_MISMATCH.finding("executionRate",
                "执行率应为 " + expected.toPlainString() + "%（执行数 " + Figures.show(f.executed()) + " ÷ 预算数 "
                        + Figures.show(f.adjustedBudget()) + printed + "），报告填写 " + Figures.show(f.executionRate()) + "%",
                expected, f.executionRate(), FigureLocation.of(r, "funds", "funds.executionRate")));
    }

    private void executionScore(Report r, Checks out) {
        Funds f = r.funds();
        if (f.executionScore() == null || f.executionWeight() == null || f.executed() == null
                || positive(f.adjustedBudget()) == null) {
            if (f.executionScore() != null || f.executionWeight() != null) {
                List<String> missing = new ArrayList<>();
                if (f.executionScore() == null) missing.add("报告未填预算执行得分");
                if (f.executionWeight() == null) missing.add("未读到预算执行分值");
                missing.addAll(executionInputsMissing(f));
                out.skip("未能核对预算执行得分：" + String.join("、", missing));
            }
            return;
        }
        BigDecimal ratio = Figures.divide(f.executed(), f.adjustedBudget()).min(BigDecimal.ONE);
        BigDecimal exact = ratio.multiply(f.executionWeight());
        BigDecimal expected = figures.round(exact);
        if (!figures.differ(f.executionScore(), expected)) return;
        String how = "分值 " + Figures.show(f.executionWeight()) + " × 执行率 " + figures.showRounded(ratio.multiply(HUNDRED))
                + "%，执行率按 " + Figures.show(f.executed()) + " ÷ " + Figures.show(f.adjustedBudget()) + " 计，超过 100% 按 100% 计";
        Location at = FigureLocation.of(r, "funds", "funds.executionScore");
        if (figures.roundingExplains(f.executionScore(), exact)) {
            out.add(FindingCode.EXECUTION_SCORE_MISMATCH.finding(Severity.WARNING, "executionScore",
                    "预算执行得分按公式应为 " + expected.toPlainString() + " 分（" + how + "），填报"
                            + Figures.printedRounding(f.executionScore()) + "为 " + Figures.show(f.executionScore()) + " 分",
                    expected, f.executionScore(), at));
            return;
        }
        out.add(FindingCode.EXECUTION_SCORE_MISMATCH.finding("executionScore",
                "预算执行得分应为 " + expected.toPlainString() + " 分（" + how + "），报告填写 "
                        + Figures.show(f.executionScore()) + " 分",
                expected, f.executionScore(), at));
    }

    /** The inputs of the execution rate that were not read, in the words of the form. */
    private static List<String> executionInputsMissing(Funds f) {
        List<String> missing = new ArrayList<>();
        if (f.executed() == null) missing.add("未读到全年执行数");
        if (f.adjustedBudget() == null) missing.add("未读到全年预算数");
        else if (f.adjustedBudget().signum() <= 0) missing.add("全年预算数为 " + Figures.show(f.adjustedBudget()));
        return missing;
    }

    private void totalScore(Report r, Checks out) {
        BigDecimal executionScore = r.funds().executionScore();
        boolean anyScore = executionScore != null || r.indicators().stream().anyMatch(i -> i.score() != null);
        if (r.totalScore() == null) {
            if (FormScope.selfEvaluation(r) && anyScore) out.skip("未能核对总分：报告未填总分");
            return;
        }
        if (r.indicators().isEmpty() || !anyScore) {
            // Without the indicator scores the sum would be the execution score alone: not a check.
            out.skip("未能核对总分：" + (r.indicators().isEmpty() ? "未读到绩效指标" : "未读到任何得分"));
            return;
        }
        if (executionScore == null && r.coverage().stream().anyMatch(c -> c.section().equals("funds") && c.notRead())) {
            // The 总分 includes the execution score, which sits in the funds block that was not read:
            // a sum without it would invent a mismatch.
            out.skip("未能核对总分：未读到项目资金部分（预算执行得分）");
            return;
        }
        BigDecimal sum = executionScore == null ? BigDecimal.ZERO : executionScore;
        List<String> unscored = new ArrayList<>();
        for (Indicator i : r.indicators()) {
            if (i.score() == null) unscored.add("“" + i.name() + "”");
            else sum = sum.add(i.score());
        }
        String unscoredNote = unscored.isEmpty() ? "" : "；指标" + String.join("", unscored) + "未填得分，未计入";
        if (!unscored.isEmpty()) out.skip("总分核对未计入未填得分的指标" + String.join("", unscored));
        if (!figures.differ(r.totalScore(), sum)) return;
        String parts = (executionScore == null ? "各指标得分之和"
                : "预算执行得分 " + Figures.show(executionScore) + " + 各指标得分之和") + unscoredNote;
        Location at = FigureLocation.of(r, "totalScore", "totalScore");
        BigDecimal expected = figures.round(sum);
        if (figures.roundingExplains(r.totalScore(), sum)) {
            out.add(FindingCode.TOTAL_SCORE_MISMATCH.finding(Severity.WARNING, "totalScore",
                    "总分按各项得分之和应为 " + expected.toPlainString() + " 分（" + parts + "），填报"
                            + Figures.printedRounding(r.totalScore()) + "为 " + Figures.show(r.totalScore()) + " 分",
                    expected, r.totalScore(), at));
            return;
        }
        Severity severity = unscored.isEmpty() ? FindingCode.TOTAL_SCORE_MISMATCH.severity() : Severity.WARNING;
        out.add(FindingCode.TOTAL_SCORE_MISMATCH.finding(severity, "totalScore",
                "总分应为 " + expected.toPlainString() + " 分（" + parts + "），报告填写 " + Figures.show(r.totalScore()) + " 分",
                expected, r.totalScore(), at));
    }

    private void budgetItemsSum(Report r, Checks out) {
        if (r.budgetItems().isEmpty()) return;
        BigDecimal total = r.funds().totalAmount() != null ? r.funds().totalAmount() : r.funds().adjustedBudget();
        String totalName = r.funds().totalAmount() != null ? "项目总金额" : "预算数";
        if (total == null && r.budgetItemsTotal() == null) {
            out.skip("未能核对项目概算合计：未读到项目总金额");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> unfilled = new ArrayList<>();
        int counted = 0;
        for (BudgetItem b : r.budgetItems()) {
            if (b.amount() == null) {
                unfilled.add("“" + b.name() + "”");
                continue;
            }
            sum = sum.add(b.amount());
            counted++;
        }
        if (counted == 0) {
            out.skip("未能核对项目概算合计：各项均未填金额");
            return;
        }
        if (!unfilled.isEmpty()) out.skip("项目概算合计未计入未填金额的" + String.join("", unfilled));
        if (r.budgetItemsTotal() != null && figures.differ(r.budgetItemsTotal(), sum)) {
            // The 合计 row under the items is compared, not counted: it is the form's own sum.
            Location at = r.locationOf("budgetItems.total");
            out.add(FindingCode.BUDGET_ITEMS_SUM_MISMATCH.finding(severity(FindingCode.BUDGET_ITEMS_SUM_MISMATCH, unfilled),
                    "budgetItems",
                    "项目概算 " + counted + " 项之和为 " + figures.showRounded(sum) + "，合计行填报 "
                            + Figures.show(r.budgetItemsTotal()),
                    figures.round(sum), r.budgetItemsTotal(), at != null ? at : budgetItemsLocation(r)));
            return;
        }
        if (total == null || !figures.differ(total, sum)) return;
        String note = unfilled.isEmpty() ? "" : "（" + String.join("", unfilled) + "未填金额，未计入）";
        out.add(FindingCode.BUDGET_ITEMS_SUM_MISMATCH.finding(severity(FindingCode.BUDGET_ITEMS_SUM_MISMATCH, unfilled),
                "budgetItems",
                "项目概算 " + counted + " 项合计 " + figures.showRounded(sum) + " 万元" + note + "，与" + totalName + " "
                        + Figures.show(total) + " 万元不符",
                figures.round(sum), total, budgetItemsLocation(r)));
    }

    /** The items' figure, else the section's start, else the first item's row: where the list begins. */
    private static Location budgetItemsLocation(Report r) {
        Location at = FigureLocation.of(r, "budgetItems", "budgetItems",
                r.funds().totalAmount() != null ? "funds.totalAmount" : "funds.adjustedBudget");
        if (at != null) return at;
        return r.budgetItems().stream().map(BudgetItem::location).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private void fundSourcesSum(Report r, Checks out) {
        List<FundSource> sources = r.funds().sources();
        BigDecimal total = r.funds().sourcesTotal();
        if (sources.isEmpty() || total == null) {
            if (!sources.isEmpty()) out.skip("未能核对资金来源合计：未读到资金总额");
            else if (total != null) out.skip("未能核对资金来源合计：未读到资金来源明细");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> names = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        for (FundSource s : sources) {
            if (s.amount() == null) {
                unfilled.add("“" + s.name() + "”");
                continue;
            }
            sum = sum.add(s.amount());
            names.add(s.name() + " " + Figures.show(s.amount()));
        }
        if (names.isEmpty()) {
            out.skip("未能核对资金来源合计：各项资金来源均未填金额");
            return;
        }
        if (!unfilled.isEmpty()) out.skip("资金来源合计未计入未填金额的" + String.join("", unfilled));
        if (total == null || !figures.differ(total, sum)) return;
        String note = unfilled.isEmpty() ? "" : "；" + String.join("", unfilled) + "未填金额，未计入";
        out.add(FindingCode.FUND_SOURCES_SUM_MISMATCH.finding(severity(FindingCode.FUND_SOURCES_SUM_MISMATCH, unfilled),
                "sources",
                "资金来源合计 " + figures.showRounded(sum) + " 万元（" + String.join(" + ", names) + note + "），与资金总额 "
                        + Figures.show(total) + " 万元不符",
                figures.round(sum), total, FigureLocation.of(r, "sources", "funds.sourcesTotal", "funds.sources")));
    }

    private void priorYear(Report r, Checks out) {
        PriorYear p = r.funds().priorYear();
        if (p == null) return;
        if (p.budget() == null || p.used() == null) {
            List<String> missing = new ArrayList<>();
            if (p.budget() == null) missing.add("未读到上年度预算安排数");
            if (p.used() == null) missing.add("未读到上年度实际使用数");
            out.skip("未能核对上年度资金使用情况：" + String.join("、", missing));
            return;
        }
        if (p.balance() == null) {
            out.skip("未能核对上年度结余资金：报告未填结余资金");
        } else {
            BigDecimal expected = p.budget().subtract(p.used());
            if (figures.differ(p.balance(), expected)) {
                out.add(FindingCode.PRIOR_YEAR_MISMATCH.finding("priorYear",
                        "上年度结余资金应为 " + figures.showRounded(expected) + " 万元（预算安排 " + Figures.show(p.budget())
                                + " − 实际使用 " + Figures.show(p.used()) + "），报告填写 " + Figures.show(p.balance()) + " 万元",
                        figures.round(expected), p.balance(),
                        FigureLocation.of(r, "priorYear", "funds.priorYear.balance", "funds.priorYear")));
            }
        }
        if (p.useRate() == null) {
            out.skip("未能核对上年度资金使用率：报告未填使用率");
        } else if (positive(p.budget()) == null) {
            out.skip("未能核对上年度资金使用率：上年度预算安排为 " + Figures.show(p.budget()));
        } else {
            BigDecimal exact = Figures.divide(p.used().multiply(HUNDRED), p.budget());
            BigDecimal expected = figures.round(exact);
            if (figures.rateDiffers(p.useRate(), exact)) {
                String printed = figures.printedCoarser(p.useRate())
                        ? "，按填报精度" + Figures.printedRounding(p.useRate()) + "为 "
                                + Figures.atPrintedPrecision(exact, p.useRate()).toPlainString() + "%"
                        : "";
                out.add(FindingCode.PRIOR_YEAR_MISMATCH.finding("priorYear",
                        "上年度资金使用率应为 " + expected.toPlainString() + "%（实际使用 " + Figures.show(p.used()) + " ÷ 预算安排 "
                                + Figures.show(p.budget()) + printed + "），报告填写 " + Figures.show(p.useRate()) + "%",
                        expected, p.useRate(), FigureLocation.of(r, "priorYear", "funds.priorYear.useRate", "funds.priorYear")));
            }
        }
    }

    /** A sum with unfilled parts may differ by exactly those parts: the finding is a warning, not an error. */
    private static Severity severity(FindingCode code, List<String> unfilled) {
        return unfilled.isEmpty() ? code.severity() : Severity.WARNING;
    }

    private static BigDecimal positive(BigDecimal v) {
        return v != null && v.signum() > 0 ? v : null;
    }
}

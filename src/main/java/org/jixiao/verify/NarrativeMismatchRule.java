package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.Quantity;
import org.jixiao.model.Report;
import org.jixiao.model.Location;
import org.jixiao.normalize.UnitConversions;

/**
 * NARRATIVE_MISMATCH: a figure the prose states differs from the same figure in the table (the
 * table's figure stands in the report), or the prose's count of indicators differs from the
 * table's. One finding per subject.
 */
final class NarrativeMismatchRule implements Rule {

    private static final Map<String, String> FUNDS_NAMES = Map.of(
            "initialBudget", "年初预算数", "adjustedBudget", "调整后预算数", "executed", "执行数",
            "executionRate", "执行率", "totalScore", "总分");
    private static final Map<String, String> ATTRIBUTE_NAMES = Map.of(
            "target", "目标值", "actual", "实际完成值", "weight", "分值", "score", "得分");

    private final Figures figures;
    private final UnitConversions units;

    NarrativeMismatchRule(Figures figures, UnitConversions units) {
        this.figures = figures;
        this.units = units;
    }

    @Override
    public void check(Report r, Checks out) {
        Set<String> reported = new LinkedHashSet<>();
        for (NarrativeStatement s : r.statements()) {
            if (s.value() == null || reported.contains(s.subject())) continue;
            Finding f;
            if (s.attribute().equals("value")) {
                f = funds(r, s);
            } else if (s.attribute().equals("count")) {
                f = count(r, s);
            } else {
                f = indicator(r, s);
            }
            if (f != null) {
                out.add(f);
                reported.add(s.subject());
            }
        }
    }

    private Finding funds(Report r, NarrativeStatement s) {
        BigDecimal table = fundsValue(r, s.subject());
        if (table == null || !figures.differ(s.value(), table)) return null;
        String label = FUNDS_NAMES.getOrDefault(s.subject(), s.subject());
        return FindingCode.NARRATIVE_MISMATCH.finding(s.subject(),
                "叙述中“" + s.text() + "”的" + label + "为 " + Figures.show(s.value()) + "，与表中 " + Figures.show(table)
                        + " 不一致（以表为准）", table, s.value(), where(s));
    }

    private static BigDecimal fundsValue(Report r, String field) {
        Funds f = r.funds();
        return switch (field) {
            case "initialBudget" -> f.initialBudget();
            case "adjustedBudget" -> f.adjustedBudget();
            case "executed" -> f.executed();
            case "executionRate" -> f.executionRate();
            case "totalScore" -> r.totalScore();
            default -> null;
        };
    }

    private Finding count(Report r, NarrativeStatement s) {
        if (r.indicators().isEmpty()) return null;
        BigDecimal table = BigDecimal.valueOf(r.indicators().size());
        if (s.value().compareTo(table) == 0) return null;
        return FindingCode.NARRATIVE_MISMATCH.finding("indicators",
                "叙述中“" + s.text() + "”称设置绩效指标 " + Figures.show(s.value()) + " 个，表中为 " + table + " 个",
                table, s.value(), where(s));
    }

    /** Compared with every table row of that name: a prose figure that matches none of them differs. */
    private Finding indicator(Report r, NarrativeStatement s) {
        Function<Indicator, BigDecimal> figure = switch (s.attribute()) {
            case "target" -> i -> comparableValue(i.targetValue(), s.unit());
            case "actual" -> i -> comparableValue(i.actualValue(), s.unit());
            case "weight" -> i -> "table".equals(i.weightSource()) ? i.weight() : null;
            case "score" -> Indicator::score;
            default -> i -> null;
        };
        BigDecimal differing = null;
        for (Indicator i : r.indicators()) {
            if (!i.name().equals(s.subject())) continue;
            BigDecimal t = figure.apply(i);
            if (t == null) continue;
            if (!figures.differ(s.value(), t)) return null;
            differing = t;
        }
        if (differing == null) return null;
        String label = ATTRIBUTE_NAMES.getOrDefault(s.attribute(), s.attribute());
        return FindingCode.NARRATIVE_MISMATCH.finding(s.subject(),
                "叙述中“" + s.text() + "”的" + label + "为 " + Figures.show(s.value()) + "，与表中指标“" + s.subject() + "”的 "
                        + Figures.show(differing) + " 不一致（以表为准）", differing, s.value(), where(s));
    }

    /** The prose is what differs from the table (the table stands): the finding points at the statement. */
    private static Location where(NarrativeStatement s) {
        return Location.narrative(s.start(), s.end());
    }

    /** The table's figure in the prose's unit, or null when the units cannot be compared. */
    private BigDecimal comparableValue(Quantity q, String unit) {
        if (q == null || !q.numeric()) return null;
        return units.convert(q.value(), q.unit(), unit);
    }
}

package org.jixiao.verify;

import java.math.BigDecimal;
import org.jixiao.mapping.Taxonomy;
import org.jixiao.model.Comparator;
import org.jixiao.model.Indicator;
import org.jixiao.model.Quantity;
import org.jixiao.normalize.UnitConversions;

/**
 * Recomputes the score of a quantitative indicator from its target (A), actual (B) and weight (W)
 * with the formulas configured for the report's region (Ministry defaults: W × min(1, B/A) for
 * positive targets, W × min(1, A/B) for negative ones, B = 0 or B within the bound counting as
 * achieved, negative B counting as 0). Qualitative indicators are not rescored.
 */
final class Rescorer {

    enum Direction { POSITIVE, NEGATIVE, NONE }

    /** The recomputed score and how it was obtained, for the finding's message. */
    record Rescore(BigDecimal expected, String explanation) {
    }

    private final Taxonomy taxonomy;
    private final UnitConversions units;

    Rescorer(Taxonomy taxonomy, UnitConversions units) {
        this.taxonomy = taxonomy;
        this.units = units;
    }

    /**
     * Positive for ≥ > = targets and for bare numbers on 数量 indicators; negative for ≤ <; NONE for
     * qualitative targets and bare numbers elsewhere (a bare "0" 数据丢失率 says nothing about direction).
     */
    Direction direction(Indicator i) {
        Quantity t = i.targetValue();
        if (t == null || !t.numeric()) return Direction.NONE;
        if (t.comparator() == null) {
            return "quantity".equals(taxonomy.level2Category(i.level2())) ? Direction.POSITIVE : Direction.NONE;
        }
        return t.comparator().positive() ? Direction.POSITIVE : Direction.NEGATIVE;
    }

    /**
     * Target and actual in the target's unit (万人 against 人, 个工作日 against 工作日), or null when
     * their units cannot be compared. A negative actual counts as 0.
     */
    BigDecimal[] comparable(Indicator i) {
        Quantity t = i.targetValue();
        Quantity a = i.actualValue();
        if (t == null || a == null || !t.numeric() || !a.numeric()) return null;
        BigDecimal b = units.convert(a.value(), a.unit(), t.unit());
        if (b == null) return null;
        if (b.signum() < 0) b = BigDecimal.ZERO;
        return new BigDecimal[] {t.value(), b};
    }

    Rescore rescore(Indicator i, RuleSettings.Formulas formulas) {
        if (i.weight() == null) return null;
        Direction d = direction(i);
        BigDecimal[] ab = comparable(i);
        if (d == Direction.NONE || ab == null) return null;
        BigDecimal w = i.weight();
        BigDecimal a = ab[0];
        BigDecimal b = ab[1];
        String desc = "目标 " + Figures.show(a) + "，实际 " + Figures.show(b) + "，分值 " + Figures.show(w);
        if (d == Direction.POSITIVE) {
            if (a.signum() <= 0) {
                return new Rescore(w, "正向指标，目标为 " + Figures.show(a) + "，视为完成；" + desc);
            }
            BigDecimal ratio = Figures.divide(b, a).min(BigDecimal.ONE);
            return new Rescore(w.multiply(ratio), "正向指标：分值 × min(1, 实际 ÷ 目标)；" + desc);
        }
        if (b.signum() == 0 || withinBound(a, b, i.targetValue().comparator(), i.actualValue().comparator())) {
            return new Rescore(w, "反向指标，实际值在目标范围内，视为完成；" + desc);
        }
        if ("deviation".equals(formulas.negative())) {
            if (a.signum() <= 0) return new Rescore(BigDecimal.ZERO, "反向指标：目标为 0 而实际超出；" + desc);
            BigDecimal dev = Figures.divide(b.subtract(a), a);
            BigDecimal factor = BigDecimal.ONE.subtract(dev).max(BigDecimal.ZERO);
            return new Rescore(w.multiply(factor), "反向指标：分值 × (1 − (实际 − 目标) ÷ 目标)；" + desc);
        }
        BigDecimal ratio = Figures.divide(a, b).min(BigDecimal.ONE);
        return new Rescore(w.multiply(ratio), "反向指标：分值 × min(1, 目标 ÷ 实际)；" + desc);
    }

    private static boolean withinBound(BigDecimal a, BigDecimal b, Comparator target, Comparator actual) {
        int c = b.compareTo(a);
        if (target == Comparator.LE) return c <= 0;
        // "少于 2 次" achieved by an actual that restates the bound ("少于 2 次") or lies below it.
        return c < 0 || (c == 0 && actual != null && !actual.positive());
    }
}

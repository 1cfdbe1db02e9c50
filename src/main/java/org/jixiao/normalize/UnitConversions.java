package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.model.Quantity;

/**
 * Which units measure the same thing and by what factor (万元 = 10000 元, 小时 = 3600 秒), from the
 * {@code conversions} section of {@code mappings/quantities.yaml}. Units in different families
 * (小时 and 个, 工作日 and 天) are not comparable.
 */
public final class UnitConversions {

    /** One family of units: its base unit and how many base units one of each unit is. */
    public record Family(String base, Map<String, BigDecimal> units) {
    }

    private record Membership(String base, BigDecimal factor) {
    }

    private final Map<String, Membership> byUnit = new HashMap<>();

    public UnitConversions(List<Family> families) {
        if (families == null) return;
        for (Family f : families) {
            if (f == null || f.base() == null || f.units() == null) continue;
            f.units().forEach((unit, factor) -> {
                if (unit != null && factor != null && factor.signum() > 0) {
                    byUnit.put(unit, new Membership(f.base(), factor));
                }
            });
        }
    }

    /**
     * {@code value} in {@code from} expressed in {@code to}, or null when the two units measure
     * different things. Equal units convert trivially; a unit that belongs to no family converts
     * only to itself. An absent unit is taken to be the other side's: forms print the unit once in
     * the indicator name or column header ("服务参保人员数量 ≥80万" against "82万人", "预算数(万元)
     * 300" against "300 万元"), so a bare number is read in the unit it is being compared with.
     */
    public BigDecimal convert(BigDecimal value, String from, String to) {
        if (value == null) return null;
        if (from == null || to == null || from.equals(to)) return value;
        Membership a = byUnit.get(from);
        Membership b = byUnit.get(to);
        if (a == null || b == null || !a.base().equals(b.base())) return null;
        BigDecimal inBase = value.multiply(a.factor());
        // Exact when it terminates (10000 元 → 1 万元); otherwise as precise as the printed value allows.
        try {
            return inBase.divide(b.factor()).stripTrailingZeros();
        } catch (ArithmeticException nonTerminating) {
            return inBase.divide(b.factor(), java.math.MathContext.DECIMAL128);
        }
    }

    /** True when quantities in these two units can be compared. */
    public boolean comparable(String a, String b) {
        return convert(BigDecimal.ONE, a, b) != null;
    }

    /** The quantity re-expressed in {@code unit}, or null when it is not numeric or not convertible. */
    public Quantity toUnit(Quantity q, String unit) {
        if (q == null || q.value() == null) return null;
        BigDecimal v = convert(q.value(), q.unit(), unit);
        return v == null ? null : new Quantity(q.comparator(), v, unit, q.qualitative());
    }

    /**
     * Compares the values of two numeric quantities in a common unit: negative, zero or positive as
     * {@code a} is less than, equal to or greater than {@code b}; null when either is not numeric
     * or their units are not comparable.
     */
    public Integer compare(Quantity a, Quantity b) {
        if (a == null || b == null || a.value() == null || b.value() == null) return null;
        BigDecimal bInA = convert(b.value(), b.unit(), a.unit());
        if (bInA == null) return null;
        return Integer.signum(a.value().compareTo(bInA));
    }
}

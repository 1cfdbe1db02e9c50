package org.jixiao.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic on reported figures as the rules define it: division at 34 significant digits, then
 * rounding half up to the configured decimals, and comparison within the configured tolerance.
 */
final class Figures {

    private final int decimals;
    private final BigDecimal tolerance;

    Figures(RuleSettings.Arithmetic settings) {
        this.decimals = settings.decimals();
        this.tolerance = settings.tolerance();
    }

    BigDecimal round(BigDecimal v) {
        return v.setScale(decimals, RoundingMode.HALF_UP);
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL128);
    }

    /** True when the two figures differ by more than the tolerance after rounding. */
    boolean differ(BigDecimal reported, BigDecimal expected) {
        return round(reported).subtract(round(expected)).abs().compareTo(tolerance) > 0;
    }

    /** A figure as shown in messages: as printed, without exponent. */
    static String show(BigDecimal v) {
        return v == null ? "（空）" : v.toPlainString();
    }

    String showRounded(BigDecimal v) {
        return round(v).toPlainString();
    }
}

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

    /**
     * True when the reported figure is printed with fewer decimals than the rules compute to (a rate
     * printed "86%" has scale 0): the printed number is then itself a rounding, not a typo.
     */
    boolean printedCoarser(BigDecimal reported) {
        return reported.scale() < decimals;
    }

    /** The exact figure rounded half up to the decimals the reported one is printed with. */
    static BigDecimal atPrintedPrecision(BigDecimal exact, BigDecimal reported) {
        return exact.setScale(Math.max(0, reported.scale()), RoundingMode.HALF_UP);
    }

    /**
     * A rate is a display value: printed with fewer decimals than the rules use, it agrees when the
     * recomputed rate rounded to the printed decimals equals it ("86%" agrees with 86.20%, "91%" does
     * not agree with 91.81%); printed with two or more decimals the usual tolerance applies.
     */
    boolean rateDiffers(BigDecimal reported, BigDecimal exact) {
        if (printedCoarser(reported)) return atPrintedPrecision(exact, reported).compareTo(reported) != 0;
        return differ(reported, exact);
    }

    /**
     * A score follows its formula to the rules' decimals, so a rounded score still differs; this
     * says whether rounding to the printed decimals explains the difference ("9" for 8.62).
     */
    boolean roundingExplains(BigDecimal reported, BigDecimal exact) {
        return printedCoarser(reported) && atPrintedPrecision(exact, reported).compareTo(reported) == 0;
    }

    /** How a rounding to the reported figure's decimals reads in a message: "取整" or "保留 1 位小数". */
    static String printedRounding(BigDecimal reported) {
        int scale = Math.max(0, reported.scale());
        return scale == 0 ? "取整" : "保留 " + scale + " 位小数";
    }

    String showRounded(BigDecimal v) {
        return round(v).toPlainString();
    }
}

package org.jixiao.normalize;

import java.math.BigDecimal;

/**
 * Writes numbers in Chinese characters the standard way (十二, 一百零五, 一万零五百, 三点一四), written
 * independently of {@link ChineseNumerals} so the tests check one against the other.
 */
final class ChineseNumeralRenderer {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String[] PLACES = {"", "十", "百", "千"};
    private static final String[] GROUPS = {"亿", "万", ""};
    private static final long GROUP = 10_000L;

    private ChineseNumeralRenderer() {
    }

    /** n from 0 to 10^12 − 1. */
    static String render(long n) {
        if (n == 0) return "零";
        long[] parts = {n / (GROUP * GROUP), n / GROUP % GROUP, n % GROUP};
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        boolean gap = false;
        for (int i = 0; i < parts.length; i++) {
            long p = parts[i];
            if (p == 0) {
                if (started) gap = true;
                continue;
            }
            if (started && (gap || p < 1000)) sb.append('零');
            sb.append(section((int) p, !started)).append(GROUPS[i]);
            started = true;
            gap = false;
        }
        return sb.toString();
    }

    /** 1 to 9999; the leading 一 of 一十 is dropped only at the very start (十二, but 一百一十二). */
    private static String section(int p, boolean first) {
        StringBuilder sb = new StringBuilder();
        boolean pendingZero = false;
        for (int place = 3; place >= 0; place--) {
            int d = (int) (p / Math.pow(10, place)) % 10;
            if (d == 0) {
                if (sb.length() > 0) pendingZero = true;
                continue;
            }
            if (pendingZero) sb.append('零');
            pendingZero = false;
            boolean bareTen = first && place == 1 && d == 1 && sb.length() == 0;
            if (!bareTen) sb.append(DIGITS.charAt(d));
            sb.append(PLACES[place]);
        }
        return sb.toString();
    }

    /** A non-negative decimal: the integer part as above, then 点 and the fraction digit by digit. */
    static String render(BigDecimal v) {
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        if (dot < 0) return render(Long.parseLong(plain));
        StringBuilder sb = new StringBuilder(render(Long.parseLong(plain.substring(0, dot)))).append('点');
        for (char c : plain.substring(dot + 1).toCharArray()) sb.append(DIGITS.charAt(c - '0'));
        return sb.toString();
    }
}

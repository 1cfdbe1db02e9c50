package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one number of a figure cell ("1,688.91", "91.81%", "300.00 万元", "１８．３６"),
 * keeping the scale as printed (300.00 stays 300.00). Cells with no number or with several
 * numbers give null: a figure cell holds exactly one figure.
 */
public final class NumberText {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:,\\d{3})*(?:\\.\\d+)?|[-+]?\\.\\d+");
    /** What may surround the number in a figure cell without making it something else. */
    private static final Pattern DECORATION = Pattern.compile("^[\\s¥￥]*$|^\\s*(万元|元|%|分|万|亿元)?\\s*$");

    /** U+2212, the typographic minus some PDFs print instead of a hyphen. */
    private static final char MINUS_SIGN = '\u2212';

    private NumberText() {
    }

    /** Full-width digits, signs and punctuation to ASCII; minus sign to hyphen; ideographic space to space. */
    public static String halfWidth(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == MINUS_SIGN) {
                sb.append('-');
            } else if (c == '\u3000') {
                sb.append(' ');
            } else if (c == '。' && i > 0 && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i - 1)) && isDigitLike(s.charAt(i + 1))) {
                sb.append('.');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isDigitLike(char c) {
        return Character.isDigit(c) || (c >= '\uFF10' && c <= '\uFF19');
    }

    /** The single number in a figure cell, or null. */
    public static BigDecimal parse(String cell) {
        if (cell == null) return null;
        String s = halfWidth(cell).strip();
        if (s.isEmpty()) return null;
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) return null;
        String number = m.group();
        String before = s.substring(0, m.start());
        String after = s.substring(m.end());
        if (m.find()) return null;
        if (!DECORATION.matcher(before).matches() || !DECORATION.matcher(after).matches()) return null;
        return new BigDecimal(number.replace(",", "").replace("+", ""));
    }

    /** True when the cell is a figure (see {@link #parse}). */
    public static boolean isNumber(String cell) {
        return parse(cell) != null;
    }
}

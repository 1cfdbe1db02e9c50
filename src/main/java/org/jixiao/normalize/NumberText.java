package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the one number of a figure cell ("1,688.91", "91.81%", "300.00 万元", "１８．３６"),
 * keeping the scale as printed (300.00 stays 300.00). Cells with no number or with several
 * numbers give null: a figure cell holds exactly one figure, with at most a currency sign before
 * it and one of the units {@code figureUnits} of labels.yaml lists after it.
 */
public final class NumberText {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:,\\d{3})*(?:\\.\\d+)?|[-+]?\\.\\d+");

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    /** U+2212, the typographic minus some PDFs print instead of a hyphen. */
    private static final char MINUS_SIGN = '\u2212';

    /** What may surround the number in a figure cell without making it something else. */
    private final Pattern decoration;

    /** @param units the units a figure may carry (labels.yaml {@code figureUnits}) */
    public NumberText(List<String> units) {
        if (units == null || units.isEmpty()) {
            throw new IllegalArgumentException("labels.yaml 缺少 figureUnits（数字单元格中数字旁可出现的单位，如 万元、%）");
        }
        // Longest first, so 万元 is taken whole rather than as 万 followed by 元.
        String alternatives = units.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.decoration = Pattern.compile("^[\\s¥￥]*$|^\\s*(" + alternatives + ")?\\s*$");
    }

    /** Full-width digits, signs and punctuation to ASCII; minus sign to hyphen; ideographic space to space. */
    public static String halfWidth(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == MINUS_SIGN) {
                sb.append('-');
            } else if (c == '。' && i > 0 && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i - 1)) && isDigitLike(s.charAt(i + 1))) {
                sb.append('.');
            } else {
                sb.append(halfWidth(c));
            }
        }
        return sb.toString();
    }

    /**
     * One full-width ASCII character (ＰＣ９５％) as half width, the ideographic space as a space,
     * anything else as it is: one char for one char, so offsets into folded text stay offsets into
     * the original (the search index's tokenizer relies on it).
     */
    public static char halfWidth(char c) {
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) return (char) (c - FULL_WIDTH_OFFSET);
        return c == IDEOGRAPHIC_SPACE ? ' ' : c;
    }

    private static boolean isDigitLike(char c) {
        return Character.isDigit(c) || (c >= '\uFF10' && c <= '\uFF19');
    }

    /** The single number in a figure cell, or null. */
    public BigDecimal parse(String cell) {
        if (cell == null) return null;
        String s = halfWidth(cell).strip();
        if (s.isEmpty()) return null;
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) return null;
        String number = m.group();
        String before = s.substring(0, m.start());
        String after = s.substring(m.end());
        if (m.find()) return null;
        if (!decoration.matcher(before).matches() || !decoration.matcher(after).matches()) return null;
        return new BigDecimal(number.replace(",", "").replace("+", ""));
    }

    /** True when the cell is a figure (see {@link #parse}). */
    public boolean isNumber(String cell) {
        return parse(cell) != null;
    }
}

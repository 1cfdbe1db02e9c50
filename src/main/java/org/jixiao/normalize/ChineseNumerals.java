package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers written in Chinese characters ("十二", "一百二十", "两千零五", "一点五", "三亿",
 * "壹佰贰拾") into exact {@link BigDecimal}s. Which characters are digits, multipliers (十百千) and
 * groups (万亿) comes from the {@code chineseNumerals} section of {@code mappings/quantities.yaml}.
 *
 * <p>The colloquial shortening "一万五" (15000), "二百五" (250), "三千二" (3200) is read as spoken:
 * a lone digit after a multiplier or group, with no 零 before it, counts one place lower.
 */
public final class ChineseNumerals {

    /**
     * The vocabulary section's shape.
     *
     * @param digits       digit characters and their value (零 〇 一 二 两 … 壹 贰 …)
     * @param multipliers  place multipliers inside a four-digit section (十 百 千, 拾 佰 仟)
     * @param groups       section multipliers (万, 亿)
     * @param decimalPoint the characters that separate integer and fraction digits (点)
     */
    public record Vocabulary(Map<String, Integer> digits, Map<String, Long> multipliers,
                             Map<String, Long> groups, List<String> decimalPoint) {
    }

    /** One place lower than a multiplier: the colloquial "二百五" means 2×100 + 5×10. */
    private static final long PLACE = 10;

    private final Map<Character, Integer> digits = new HashMap<>();
    private final Map<Character, Long> multipliers = new HashMap<>();
    private final Map<Character, Long> groups = new HashMap<>();
    private final Map<Character, Boolean> points = new HashMap<>();
    private final Pattern run;

    public ChineseNumerals(Vocabulary vocabulary) {
        StringBuilder chars = new StringBuilder();
        StringBuilder leading = new StringBuilder();
        if (vocabulary != null) {
            if (vocabulary.digits() != null) vocabulary.digits().forEach((k, v) -> {
                if (k.length() == 1 && v != null) digits.put(k.charAt(0), v);
            });
            if (vocabulary.multipliers() != null) vocabulary.multipliers().forEach((k, v) -> {
                if (k.length() == 1 && v != null) multipliers.put(k.charAt(0), v);
            });
            if (vocabulary.groups() != null) vocabulary.groups().forEach((k, v) -> {
                if (k.length() == 1 && v != null) groups.put(k.charAt(0), v);
            });
            if (vocabulary.decimalPoint() != null) vocabulary.decimalPoint().forEach(k -> {
                if (k.length() == 1) points.put(k.charAt(0), Boolean.TRUE);
            });
        }
        for (char c : digits.keySet()) {
            chars.append(c);
            leading.append(c);
        }
        for (char c : multipliers.keySet()) {
            chars.append(c);
            leading.append(c);
        }
        for (char c : groups.keySet()) chars.append(c);
        for (char c : points.keySet()) chars.append(c);
        run = leading.isEmpty() ? null
                : Pattern.compile(charClass(leading) + charClass(chars) + "*");
    }

    /** A regex character class of exactly these characters, each written as a code point escape. */
    private static String charClass(CharSequence chars) {
        StringBuilder sb = new StringBuilder("[");
        chars.codePoints().forEach(cp -> sb.append("\\x{").append(Integer.toHexString(cp)).append('}'));
        return sb.append(']').toString();
    }

    /** A matcher over {@code text} for runs of numeral characters that can start a number; null without vocabulary. */
    Matcher runs(String text) {
        return run == null ? null : run.matcher(text);
    }

    /** True when {@code c} is a group character (万, 亿). */
    boolean isGroup(char c) {
        return groups.containsKey(c);
    }

    /** True when {@code c} is a decimal-point character (点). */
    boolean isPoint(char c) {
        return points.containsKey(c);
    }

    /** The value of a whole numeral string, or null when it is not one well-formed number. */
    public BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) return null;
        int point = -1;
        for (int i = 0; i < text.length(); i++) {
            if (points.containsKey(text.charAt(i))) {
                if (point >= 0) return null;
                point = i;
            }
        }
        if (point < 0) return integer(text);
        BigDecimal whole = integer(text.substring(0, point));
        String fraction = text.substring(point + 1);
        if (whole == null || fraction.isEmpty()) return null;
        StringBuilder sb = new StringBuilder(whole.toPlainString()).append('.');
        for (int i = 0; i < fraction.length(); i++) {
            Integer d = digits.get(fraction.charAt(i));
            if (d == null) return null;
            sb.append(d);
        }
        return new BigDecimal(sb.toString());
    }

    private BigDecimal integer(String s) {
        if (s.isEmpty()) return null;
        boolean positional = true;
        for (int i = 0; i < s.length(); i++) {
            if (!digits.containsKey(s.charAt(i))) {
                positional = false;
                break;
            }
        }
        if (positional) {
            // "二〇二〇", "五": digits written one by one.
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) sb.append(digits.get(s.charAt(i)));
            return new BigDecimal(sb.toString());
        }
        return grouped(s, Long.MAX_VALUE);
    }

    /** A number with multipliers; every group character must be smaller than {@code below}. */
    private BigDecimal grouped(String s, long below) {
        if (s.isEmpty()) return BigDecimal.ZERO;
        int at = -1;
        long largest = 0;
        for (int i = 0; i < s.length(); i++) {
            Long g = groups.get(s.charAt(i));
            if (g != null && g > largest) {
                largest = g;
                at = i;
            }
        }
        if (at < 0) return section(s);
        if (largest >= below) return null;
        // The last occurrence of the largest group splits "一万亿零五" into (一万)亿 and 零五.
        at = s.lastIndexOf(s.charAt(at));
        String head = s.substring(0, at);
        String tail = s.substring(at + 1);
        if (head.isEmpty()) return null;
        // The head may hold smaller groups (一万亿) but not this one again (一万万).
        BigDecimal high = grouped(head, largest);
        if (high == null) return null;
        BigDecimal low;
        if (tail.length() == 1 && digits.containsKey(tail.charAt(0)) && digits.get(tail.charAt(0)) != 0) {
            // "一万五": the lone digit counts one place below the group.
            low = BigDecimal.valueOf(digits.get(tail.charAt(0))).multiply(BigDecimal.valueOf(largest / PLACE));
        } else {
            // "一万零五百": the 零 only marks the empty places between the group and what follows.
            String rest = tail.length() > 1 && isZero(tail.charAt(0)) ? tail.substring(1) : tail;
            low = grouped(rest, largest);
            if (low == null) return null;
        }
        return high.multiply(BigDecimal.valueOf(largest)).add(low);
    }

    private boolean isZero(char c) {
        Integer d = digits.get(c);
        return d != null && d == 0;
    }

    /** A number below the smallest group: digits with 十 百 千. */
    private BigDecimal section(String s) {
        long total = 0;
        long pending = -1;
        long lastMultiplier = Long.MAX_VALUE;
        boolean zeroSeen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Integer d = digits.get(c);
            if (d != null) {
                if (d == 0) {
                    if (pending > 0) return null;
                    zeroSeen = true;
                    continue;
                }
                if (pending >= 0) return null;
                pending = d;
                continue;
            }
            Long m = multipliers.get(c);
            if (m == null || m >= lastMultiplier) return null;
            // "十二": a multiplier with no digit before it means one of it.
            total += (pending < 0 ? 1 : pending) * m;
            pending = -1;
            lastMultiplier = m;
            zeroSeen = false;
        }
        if (pending > 0) {
            boolean shortened = lastMultiplier != Long.MAX_VALUE && lastMultiplier > PLACE && !zeroSeen;
            total += shortened ? pending * (lastMultiplier / PLACE) : pending;
        }
        return BigDecimal.valueOf(total);
    }
}

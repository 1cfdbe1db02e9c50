package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.model.Quantity;

/**
 * The one normaliser of targets and actuals ("≥300条", "6 小时以内", "每年故障少于 2 次",
 * "持卡人数 5917 万", "百分之九十五", "合格"), used for table cells and prose alike. All words come
 * from {@code mappings/quantities.yaml}.
 *
 * <p>The first number in the text is the quantity. A scale after it (万, 亿, 千, 百) multiplies
 * it unless money follows: money is kept in the unit and at the value printed ("300.00 万元"),
 * everything else is brought to its plain unit ("6085 万人" is 60850000 人, "≥80万" is 800000).
 * The comparator is the word or symbol ending closest before the number within its clause
 * (不低于 90%, ≥300条), else a word right after the unit (6 小时以内). A range (300-400条) is
 * read as its lower end. Chinese numerals count only where something marks them as a quantity
 * (a unit, scale or comparator next to them, 百分之 before them, or nothing else in the text), so
 * the 一 of 一体机 and the 十 of 十堰 stay words; 第 marks an ordinal. Text with no number is
 * qualitative when it holds a judgement word (合格, 健全), and nothing (null) otherwise.
 */
public final class QuantityParser {

    /** The vocabulary file's shape; sections missing from an older file are treated as empty. */
    public record Vocabulary(Map<String, Words> comparators, Map<String, String> symbols, List<String> units,
                             List<String> moneyUnits, Map<String, Long> scales, List<String> percentPrefixes,
                             List<String> ordinalPrefixes, List<String> rangeSeparators,
                             ChineseNumerals.Vocabulary chineseNumerals,
                             List<String> qualitative, List<String> qualitativeExact,
                             List<UnitConversions.Family> conversions) {
    }

    /** Comparator words written before and after the number. */
    public record Words(List<String> before, List<String> after) {
    }

    /**
     * An Arabic number: optional sign (not when a digit precedes it, so "300-400" is 300), thousands
     * separators only in groups of three, optional fraction.
     */
    private static final Pattern ARABIC =
            Pattern.compile("(?<![\\d.])[-+]?\\d+(?:,\\d{3}(?!\\d))*(?:\\.\\d+)?");
    /** Punctuation that ends a clause: a comparator before it does not bind a number after it. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;。、:!?\\n]");
    /** A number followed by more than this many scale characters (5千万亿) is not a real quantity. */
    private static final int MAX_SCALES = 3;
    private static final String PERCENT = "%";

    private final List<Map.Entry<String, org.jixiao.model.Comparator>> before = new ArrayList<>();
    private final List<Map.Entry<String, org.jixiao.model.Comparator>> after = new ArrayList<>();
    private final List<String> units;
    private final List<String> moneyUnits;
    private final List<Map.Entry<String, Long>> scales;
    private final List<String> percentPrefixes;
    private final List<String> ordinalPrefixes;
    private final List<String> rangeSeparators;
    private final List<String> qualitative;
    private final List<String> qualitativeExact;
    private final List<String> beforeWords;
    private final List<String> afterWords;
    private final List<String> scaleWords;
    private final ChineseNumerals chinese;
    private final UnitConversions conversions;

    public QuantityParser(Vocabulary vocabulary) {
        if (vocabulary.comparators() != null) {
            vocabulary.comparators().forEach((rel, words) -> {
                org.jixiao.model.Comparator c = org.jixiao.model.Comparator.valueOf(rel);
                if (words == null) return;
                orEmpty(words.before()).forEach(w -> before.add(Map.entry(w, c)));
                orEmpty(words.after()).forEach(w -> after.add(Map.entry(w, c)));
            });
        }
        if (vocabulary.symbols() != null) {
            vocabulary.symbols().forEach((sym, rel) ->
                    before.add(Map.entry(sym, org.jixiao.model.Comparator.valueOf(rel))));
        }
        Comparator<Map.Entry<String, ?>> longestFirst = Comparator.comparingInt(e -> -e.getKey().length());
        before.sort(longestFirst);
        after.sort(longestFirst);
        units = longestFirst(vocabulary.units());
        moneyUnits = longestFirst(vocabulary.moneyUnits());
        scales = vocabulary.scales() == null ? List.of()
                : vocabulary.scales().entrySet().stream().sorted(longestFirst).toList();
        percentPrefixes = longestFirst(vocabulary.percentPrefixes());
        ordinalPrefixes = longestFirst(vocabulary.ordinalPrefixes());
        rangeSeparators = longestFirst(vocabulary.rangeSeparators());
        qualitative = longestFirst(vocabulary.qualitative());
        qualitativeExact = orEmpty(vocabulary.qualitativeExact());
        beforeWords = before.stream().map(Map.Entry::getKey).toList();
        afterWords = after.stream().map(Map.Entry::getKey).toList();
        scaleWords = scales.stream().map(Map.Entry::getKey).toList();
        chinese = new ChineseNumerals(vocabulary.chineseNumerals());
        conversions = new UnitConversions(vocabulary.conversions());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> longestFirst(List<String> words) {
        return orEmpty(words).stream().sorted(Comparator.comparingInt(w -> -w.length())).toList();
    }

    /** The number found in the text: where it is and whether a percent prefix (百分之) introduced it. */
    private record Found(int start, int end, BigDecimal value, int prefixStart, boolean percent) {
    }

    /** The parsed value of a target or actual cell, or null when the text says nothing measurable. */
    public Quantity parse(String text) {
        if (text == null || text.isBlank()) return null;
        String s = NumberText.halfWidth(text).replace("$", "").replace("\\%", PERCENT).strip();
        Found found = firstNumber(s);
        if (found == null) {
            String term = qualitativeTerm(s);
            return term == null ? null : new Quantity(null, null, null, term);
        }
        BigDecimal value = found.value();
        String unit = null;
        String rest = skipRangeEnd(s.substring(found.end()).stripLeading());
        if (found.percent()) {
            unit = PERCENT;
        } else {
            unit = startingWith(rest, moneyUnits);
            for (int i = 0; unit == null && i < MAX_SCALES; i++) {
                Map.Entry<String, Long> scale = scaleAt(rest);
                if (scale == null) break;
                // 千米, 百分点: a unit that merely starts with a scale character is a unit of its own.
                String own = startingWith(rest, units);
                if (own != null && own.length() > scale.getKey().length()) break;
                value = value.multiply(BigDecimal.valueOf(scale.getValue()));
                rest = rest.substring(scale.getKey().length()).stripLeading();
                unit = startingWith(rest, moneyUnits);
            }
            if (unit == null) unit = startingWith(rest, units);
            if (unit != null) rest = rest.substring(unit.length()).stripLeading();
        }
        org.jixiao.model.Comparator comparator = comparatorBefore(s.substring(0, found.prefixStart()));
        if (comparator == null) comparator = comparatorAfter(rest);
        return new Quantity(comparator, value, unit, null);
    }

    /**
     * The text after the upper end of a range ("300-400条" → "条"): a range target is read as its
     * lower end, in the unit printed after the upper end.
     */
    private String skipRangeEnd(String rest) {
        String separator = startingWith(rest, rangeSeparators);
        if (separator == null) return rest;
        String tail = rest.substring(separator.length()).stripLeading();
        Matcher m = ARABIC.matcher(tail);
        if (!m.lookingAt() || m.group().startsWith("-")) return rest;
        return tail.substring(m.end()).stripLeading();
    }

    /** The earliest number, Arabic or Chinese, that reads as a quantity; null when there is none. */
    private Found firstNumber(String s) {
        Found arabic = null;
        Matcher m = ARABIC.matcher(s);
        while (m.find()) {
            if (ordinalBefore(s, m.start())) continue;
            BigDecimal v = new BigDecimal(m.group().replace(",", "").replace("+", ""));
            int percentAt = percentPrefixBefore(s, m.start());
            arabic = new Found(m.start(), m.end(), v, percentAt >= 0 ? percentAt : m.start(), percentAt >= 0);
            break;
        }
        Matcher c = chinese.runs(s);
        if (c == null) return arabic;
        c.region(0, arabic == null ? s.length() : arabic.start());
        while (c.find()) {
            Found f = chineseQuantity(s, c.start(), c.end());
            if (f != null) return f;
        }
        return arabic;
    }

    /** The Chinese numeral at [start, end) as a quantity, or null when it is part of a word (一体机, 十堰). */
    private Found chineseQuantity(String s, int start, int end) {
        // Index arithmetic only: a cell may hold thousands of numeral runs, none may cost a copy.
        if (insidePercentPrefix(s, start) || ordinalBefore(s, start)) return null;
        while (end > start && chinese.isPoint(s.charAt(end - 1))) end--;
        // "五万元", "三千米": the last character starts the unit, it is not part of the number.
        String unitFromLast = end - start > 1 ? startingWith(s, end - 1, units) : null;
        if (unitFromLast != null && unitFromLast.length() > 1) end--;
        if (end <= start) return null;
        BigDecimal v = chinese.parse(s.substring(start, end));
        if (v == null) return null;
        int percentAt = percentPrefixBefore(s, start);
        if (percentAt >= 0) return new Found(start, end, v, percentAt, true);
        int next = skipSpaceForward(s, end);
        int previous = skipSpaceBackward(s, start);
        boolean whole = previous == 0 && next == s.length();
        boolean unitAfter = startingWith(s, next, moneyUnits) != null || startingWith(s, next, units) != null
                || startingWith(s, next, scaleWords) != null || startingWith(s, next, afterWords) != null;
        boolean comparatorRightBefore = endingWith(s, previous, beforeWords) != null;
        return whole || unitAfter || comparatorRightBefore ? new Found(start, end, v, start, false) : null;
    }

    private static int skipSpaceForward(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static int skipSpaceBackward(String s, int i) {
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) i--;
        return i;
    }

    private boolean ordinalBefore(String s, int start) {
        return endingWith(s, skipSpaceBackward(s, start), ordinalPrefixes) != null;
    }

    /** Where the percent prefix right before {@code start} begins, or -1. */
    private int percentPrefixBefore(String s, int start) {
        int end = skipSpaceBackward(s, start);
        String p = endingWith(s, end, percentPrefixes);
        return p == null ? -1 : end - p.length();
    }

    /** True when {@code start} falls inside a percent prefix (the 百 of 百分之). */
    private boolean insidePercentPrefix(String s, int start) {
        for (String p : percentPrefixes) {
            for (int k = 0; k < p.length() && k <= start; k++) {
                if (s.startsWith(p, start - k)) return true;
            }
        }
        return false;
    }

    /** The first of {@code words} (longest first) that {@code s} holds at {@code at}, or null. */
    private static String startingWith(String s, int at, List<String> words) {
        for (String w : words) {
            if (s.startsWith(w, at)) return w;
        }
        return null;
    }

    /** The first of {@code words} (longest first) that ends exactly at {@code end} in {@code s}, or null. */
    private static String endingWith(String s, int end, List<String> words) {
        for (String w : words) {
            if (end >= w.length() && s.startsWith(w, end - w.length())) return w;
        }
        return null;
    }

    private static String startingWith(String text, List<String> words) {
        return startingWith(text, 0, words);
    }

    private Map.Entry<String, Long> scaleAt(String rest) {
        for (Map.Entry<String, Long> e : scales) {
            if (rest.startsWith(e.getKey())) return e;
        }
        return null;
    }

    /** The comparator word or symbol ending closest before the number, within the number's clause. */
    private org.jixiao.model.Comparator comparatorBefore(String prefix) {
        Matcher breaks = CLAUSE_BREAK.matcher(prefix);
        int clauseStart = 0;
        while (breaks.find()) clauseStart = breaks.end();
        String clause = prefix.substring(clauseStart);
        int bestEnd = -1;
        org.jixiao.model.Comparator best = null;
        for (Map.Entry<String, org.jixiao.model.Comparator> e : before) {
            int i = clause.lastIndexOf(e.getKey());
            // Longest first, so on equal ends 不低于 beats 低于 and >= beats =.
            if (i >= 0 && i + e.getKey().length() > bestEnd) {
                bestEnd = i + e.getKey().length();
                best = e.getValue();
            }
        }
        return best;
    }

    private org.jixiao.model.Comparator comparatorAfter(String rest) {
        for (Map.Entry<String, org.jixiao.model.Comparator> e : after) {
            if (rest.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    /**
     * The qualitative term the text holds, or null: a whole-text term (是, 否, 无) or else the
     * longest judgement word contained anywhere (合格, 足额到位).
     */
    public String qualitativeTerm(String text) {
        if (text == null) return null;
        String s = NumberText.halfWidth(text).strip();
        if (qualitativeExact.contains(s)) return s;
        for (String q : qualitative) {
            if (s.contains(q)) return q;
        }
        return null;
    }

    /** The unit families of the vocabulary. */
    public UnitConversions conversions() {
        return conversions;
    }

    /** {@code q} re-expressed in {@code unit}, or null when not numeric or not convertible (see {@link UnitConversions}). */
    public Quantity toUnit(Quantity q, String unit) {
        return conversions.toUnit(q, unit);
    }

    /** Sign of a − b in a common unit, or null when not comparable (see {@link UnitConversions#compare}). */
    public Integer compare(Quantity a, Quantity b) {
        return conversions.compare(a, b);
    }
}

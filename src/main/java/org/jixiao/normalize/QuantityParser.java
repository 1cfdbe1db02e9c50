package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.model.Quantity;

/**
 * The one normaliser of targets and actuals ("≥300条", "6 小时以内", "每年故障少于 2 次",
 * "持卡人数 5917 万", "合格"), used for table cells and prose alike. Vocabulary comes from
 * {@code mappings/quantities.yaml}.
 */
public final class QuantityParser {

    /** The vocabulary file's shape. */
    public record Vocabulary(Map<String, Words> comparators, Map<String, String> symbols, List<String> units,
                             List<String> moneyUnits, Map<String, Long> scales, List<String> qualitative) {
    }

    public record Words(List<String> before, List<String> after) {
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");

    private final Vocabulary vocabulary;
    private final List<Map.Entry<String, org.jixiao.model.Comparator>> before = new ArrayList<>();
    private final List<Map.Entry<String, org.jixiao.model.Comparator>> after = new ArrayList<>();
    private final List<String> units;
    private final List<String> qualitative;

    public QuantityParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        vocabulary.comparators().forEach((rel, words) -> {
            org.jixiao.model.Comparator c = org.jixiao.model.Comparator.valueOf(rel);
            words.before().forEach(w -> before.add(Map.entry(w, c)));
            words.after().forEach(w -> after.add(Map.entry(w, c)));
        });
        vocabulary.symbols().forEach((sym, rel) -> before.add(Map.entry(sym, org.jixiao.model.Comparator.valueOf(rel))));
        Comparator<Map.Entry<String, ?>> longestFirst = Comparator.comparingInt(e -> -e.getKey().length());
        before.sort(longestFirst);
        after.sort(longestFirst);
        units = vocabulary.units().stream().sorted(Comparator.comparingInt(u -> -u.length())).toList();
        qualitative = vocabulary.qualitative().stream().sorted(Comparator.comparingInt(u -> -u.length())).toList();
    }

    /** The parsed value of a target or actual cell, or null when the text says nothing measurable. */
    public Quantity parse(String text) {
        if (text == null || text.isBlank()) return null;
        String s = NumberText.halfWidth(text).replace("$", "").strip();
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) {
            String term = qualitativeTerm(s);
            return term == null ? null : new Quantity(null, null, null, term);
        }
        BigDecimal value = new BigDecimal(m.group().replace(",", ""));
        String prefix = s.substring(0, m.start());
        String rest = s.substring(m.end()).stripLeading();
        String unit = null;
        Map.Entry<String, Long> scale = scaleAt(rest);
        if (scale != null) {
            String afterScale = rest.substring(scale.getKey().length());
            String moneyUnit = vocabulary.moneyUnits().stream().filter(rest::startsWith).findFirst().orElse(null);
            if (moneyUnit == null) {
                value = value.multiply(BigDecimal.valueOf(scale.getValue()));
                rest = afterScale.stripLeading();
            }
        }
        for (String u : units) {
            if (rest.startsWith(u)) {
                unit = u;
                rest = rest.substring(u.length()).stripLeading();
                break;
            }
        }
        org.jixiao.model.Comparator comparator = comparatorBefore(prefix);
        if (comparator == null) comparator = comparatorAfter(rest);
        return new Quantity(comparator, value, unit, null);
    }

    private Map.Entry<String, Long> scaleAt(String rest) {
        for (Map.Entry<String, Long> e : vocabulary.scales().entrySet()) {
            if (rest.startsWith(e.getKey())) return e;
        }
        return null;
    }

    /** The comparator word or symbol closest before the number. */
    private org.jixiao.model.Comparator comparatorBefore(String prefix) {
        int bestEnd = -1;
        org.jixiao.model.Comparator best = null;
        for (Map.Entry<String, org.jixiao.model.Comparator> e : before) {
            int i = prefix.lastIndexOf(e.getKey());
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

    /** The qualitative term the text contains, longest match first, or null. */
    public String qualitativeTerm(String text) {
        for (String q : qualitative) {
            if (text.contains(q)) return q;
        }
        return null;
    }

    static Map<String, Long> orderedScales(Map<String, Long> scales) {
        return new LinkedHashMap<>(scales);
    }
}

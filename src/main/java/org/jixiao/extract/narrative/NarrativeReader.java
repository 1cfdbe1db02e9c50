package org.jixiao.extract.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.Quantity;

/**
 * Reads the figures the prose restates. Paragraphs are the unit of reference: the indicator a
 * paragraph names first is the subject of the attribute words that follow in it ("该项指标标准分值
 * 为 5 分"), and an attribute's figure is the first number after it within the window and clause.
 */
public final class NarrativeReader {

    private static final Pattern CLAUSE_END = Pattern.compile("[。；;！!？?]");

    private final NarrativeVocabulary vocabulary;
    private final Function<String, Quantity> quantities;

    public NarrativeReader(NarrativeVocabulary vocabulary, Function<String, Quantity> quantities) {
        this.vocabulary = vocabulary;
        this.quantities = quantities;
    }

    /**
     * @param paragraphs     the prose, one paragraph per element, in reading order
     * @param indicatorNames the names of the report's own indicators
     */
    public List<NarrativeStatement> read(List<String> paragraphs, List<String> indicatorNames) {
        List<String> names = indicatorNames.stream().distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<NarrativeStatement> out = new ArrayList<>();
        int offset = 0;
        for (String p : paragraphs) {
            String subject = firstNamed(p, names);
            if (subject != null) {
                attributes(p, offset, subject, vocabulary.indicator(), out);
            } else {
                attributes(p, offset, null, vocabulary.funds(), out);
                count(p, offset, out);
            }
            offset += p.length() + 1;
        }
        return out;
    }

    private static String firstNamed(String paragraph, List<String> names) {
        int best = Integer.MAX_VALUE;
        String found = null;
        // Only a name near the start makes a paragraph about that indicator; lists of names in
        // summaries ("分别为 A、B、C") are not statements about any one of them.
        String head = paragraph.length() > 40 ? paragraph.substring(0, 40) : paragraph;
        for (String n : names) {
            int i = head.indexOf(n);
            if (i >= 0 && i < best) {
                best = i;
                found = n;
            }
        }
        return found;
    }

    private void attributes(String p, int offset, String subject, Map<String, List<String>> words,
                            List<NarrativeStatement> out) {
        for (Map.Entry<String, List<String>> e : words.entrySet()) {
            List<String> phrases = e.getValue().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            int from = 0;
            while (from < p.length()) {
                int at = -1;
                String phrase = null;
                for (String w : phrases) {
                    int i = p.indexOf(w, from);
                    if (i >= 0 && (at < 0 || i < at)) {
                        at = i;
                        phrase = w;
                    }
                }
                if (at < 0) break;
                int start = at + phrase.length();
                String window = clause(p, start);
                Quantity q = quantities.apply(window);
                if (q != null && q.value() != null) {
                    String field = subject != null ? subject : e.getKey();
                    String attribute = subject != null ? e.getKey() : "value";
                    int end = Math.min(p.length(), start + window.length());
                    out.add(new NarrativeStatement(field, attribute, q.value(), q.unit(), q.comparator(),
                            p.substring(at, end), offset + at, offset + end));
                }
                from = start;
            }
        }
    }

    private void count(String p, int offset, List<NarrativeStatement> out) {
        for (String w : vocabulary.indicatorCount()) {
            int at = p.indexOf(w);
            if (at < 0) continue;
            int start = at + w.length();
            String window = clause(p, start);
            Matcher m = Pattern.compile("^\\s*(\\d+)\\s*个").matcher(window);
            if (m.find()) {
                int end = start + m.end();
                out.add(new NarrativeStatement("indicators", "count", new BigDecimal(m.group(1)), "个", null,
                        p.substring(at, end), offset + at, offset + end));
                return;
            }
        }
    }

    /**
     * Text after an attribute word, up to the window, the end of its clause or the first comma:
     * a figure follows its word closely, and past a comma the prose talks about something else.
     */
    private String clause(String p, int start) {
        String w = p.substring(start, Math.min(p.length(), start + vocabulary.window()));
        Matcher m = CLAUSE_END.matcher(w);
        if (m.find()) w = w.substring(0, m.start());
        int comma = indexOfAny(w, "，,");
        return comma >= 0 ? w.substring(0, comma) : w;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}

package org.jixiao.extract.narrative;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.Quantity;

/**
 * Reads the figures that the prose restates, by structure rather than by one pattern per sentence.
 *
 * <p>HanLP segments each paragraph (its bundled dictionaries, plus the attribute words of
 * {@code mappings/narrative.yaml} as a custom dictionary so "年初预算数" is one word). The report's
 * own indicator names are laid over the segmentation as subject tokens. Walking the tokens, an
 * attribute word (年初目标值, 标准分值, 执行率 …) opens a statement about the last subject of the
 * paragraph (or about a funds field), and the figure is read by the quantity normaliser from the
 * text up to the end of the clause. An indicator name followed directly by a figure states its
 * actual value. Attribute words only count when they sit on word boundaries, so "执行率" inside
 * another word does not.
 */
public final class NarrativeReader {

    private enum Kind { SUBJECT, FUNDS, ATTRIBUTE, COUNT, LINK, BOUNDARY, NUMBER, SPACE, OTHER }

    private record Token(Kind kind, String key, int start, int end) {
    }

    private record Open(Kind kind, String subject, String attribute, int start, int from) {
    }

    /**
     * Dates are when, not how much: "全年执行数截至 2021 年 12 月 31 日" states no figure.
     */
    private static final Pattern DATE = Pattern.compile(
            "(19|20)\\d{2}\\s*年(\\s*\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?)?|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日");
    /**
     * A figure that qualifies a noun ("执行率超过 100% 的按 100% 计算") states a rule, not a fact
     * of this report: the first figure of the clause followed by 的.
     */
    private static final Pattern QUALIFYING_FIGURE = Pattern.compile("^[^\\d]*\\d[\\d,.]*\\s*[%‰\\p{IsHan}]{0,2}?\\s*的");

    /** Custom words are added to HanLP's global dictionary once per JVM and word. */
    private static final Set<String> REGISTERED = new HashSet<>();

    private final Function<String, Quantity> quantities;
    private final Map<String, Token> words = new HashMap<>();
    private final Set<String> boundaries;

    public NarrativeReader(NarrativeVocabulary vocabulary, Function<String, Quantity> quantities) {
        this.quantities = quantities;
        vocabulary.funds().forEach((field, ws) -> ws.forEach(w -> words.put(w, new Token(Kind.FUNDS, field, 0, 0))));
        vocabulary.indicator().forEach((attr, ws) -> ws.forEach(w -> words.put(w, new Token(Kind.ATTRIBUTE, attr, 0, 0))));
        vocabulary.indicatorCount().forEach(w -> words.put(w, new Token(Kind.COUNT, "count", 0, 0)));
        vocabulary.actualLinks().forEach(w -> words.putIfAbsent(w, new Token(Kind.LINK, w, 0, 0)));
        this.boundaries = Set.copyOf(vocabulary.boundaries());
        register(words.keySet());
    }

    private static void register(Set<String> custom) {
        synchronized (REGISTERED) {
            for (String w : custom) {
                if (w.length() > 1 && REGISTERED.add(w)) CustomDictionary.add(w, "nz 1024");
            }
        }
    }

    /**
     * @param paragraphs     the prose, one paragraph per element, in reading order
     * @param indicatorNames the names of the report's own indicators
     * @return the statements, with offsets into the paragraphs joined by single newlines
     */
    public List<NarrativeStatement> read(List<String> paragraphs, List<String> indicatorNames) {
        List<String> names = indicatorNames.stream().filter(n -> n != null && n.length() > 1).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Segment segment = HanLP.newSegment().enableOffset(true).enableCustomDictionary(true);
        List<NarrativeStatement> out = new ArrayList<>();
        int offset = 0;
        for (String p : paragraphs) {
            walk(p, tokens(p, segment, names), offset, out);
            offset += p.length() + 1;
        }
        return out;
    }

    private List<Token> tokens(String p, Segment segment, List<String> names) {
        String[] subjectAt = new String[p.length()];
        int[] subjectEnd = new int[p.length()];
        boolean[] covered = new boolean[p.length()];
        for (String n : names) {
            for (int i = p.indexOf(n); i >= 0; i = p.indexOf(n, i + 1)) {
                boolean free = true;
                for (int k = i; k < i + n.length(); k++) free &= !covered[k];
                if (!free) continue;
                for (int k = i; k < i + n.length(); k++) covered[k] = true;
                subjectAt[i] = n;
                subjectEnd[i] = i + n.length();
            }
        }
        List<Token> tokens = new ArrayList<>();
        int skipUntil = 0;
        for (Term t : segment.seg(p)) {
            int start = t.offset;
            int end = start + t.word.length();
            for (int k = start; k < end; k++) {
                if (k >= skipUntil && subjectAt[k] != null) {
                    tokens.add(new Token(Kind.SUBJECT, subjectAt[k], k, subjectEnd[k]));
                    skipUntil = subjectEnd[k];
                }
            }
            if (start < skipUntil) continue;
            tokens.add(classify(p, t.word, start, end));
        }
        return tokens;
    }

    private Token classify(String p, String word, int start, int end) {
        Token w = words.get(word);
        if (w != null) return new Token(w.kind(), w.key(), start, end);
        if (boundaries.contains(word) && !thousandsSeparator(p, start, end)) return new Token(Kind.BOUNDARY, word, start, end);
        if (word.isBlank()) return new Token(Kind.SPACE, word, start, end);
        if (word.chars().anyMatch(Character::isDigit)) return new Token(Kind.NUMBER, word, start, end);
        return new Token(Kind.OTHER, word, start, end);
    }

    private void walk(String p, List<Token> tokens, int offset, List<NarrativeStatement> out) {
        String subject = null;
        Open open = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case SUBJECT -> {
                    close(open, p, t.start(), offset, out);
                    open = null;
                    subject = t.key();
                    if (figureFollows(tokens, i + 1)) open = new Open(Kind.ATTRIBUTE, subject, "actual", t.start(), t.end());
                }
                case FUNDS -> {
                    close(open, p, t.start(), offset, out);
                    open = new Open(Kind.FUNDS, t.key(), "value", t.start(), t.end());
                }
                case ATTRIBUTE -> {
                    close(open, p, t.start(), offset, out);
                    open = subject == null ? null : new Open(Kind.ATTRIBUTE, subject, t.key(), t.start(), t.end());
                }
                case COUNT -> {
                    close(open, p, t.start(), offset, out);
                    open = new Open(Kind.COUNT, "indicators", "count", t.start(), t.end());
                }
                case BOUNDARY -> {
                    close(open, p, t.start(), offset, out);
                    open = null;
                }
                default -> {
                }
            }
        }
        close(open, p, p.length(), offset, out);
    }

    /** A comma between digits ("1,250.00") separates thousands, not clauses. */
    private static boolean thousandsSeparator(String p, int start, int end) {
        return end - start == 1 && (p.charAt(start) == ',' || p.charAt(start) == '，') && start > 0 && end < p.length()
                && Character.isDigit(p.charAt(start - 1)) && Character.isDigit(p.charAt(end));
    }

    /** An indicator name then, after spaces and at most one link word, a number. */
    private static boolean figureFollows(List<Token> tokens, int i) {
        while (i < tokens.size() && tokens.get(i).kind() == Kind.SPACE) i++;
        if (i < tokens.size() && tokens.get(i).kind() == Kind.LINK) i++;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.SPACE) i++;
        return i < tokens.size() && tokens.get(i).kind() == Kind.NUMBER;
    }

    private void close(Open open, String p, int end, int offset, List<NarrativeStatement> out) {
        if (open == null) return;
        String clause = DATE.matcher(p.substring(open.from(), end)).replaceAll(" ");
        if (QUALIFYING_FIGURE.matcher(clause).find()) return;
        Quantity q = quantities.apply(clause);
        if (q == null || q.value() == null) return;
        out.add(new NarrativeStatement(open.subject(), open.attribute(), q.value(), q.unit(), q.comparator(),
                p.substring(open.start(), end).strip(), offset + open.start(), offset + end));
    }
}

package org.jixiao.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The comparable form of a label: what remains of "年初目标值 (A)", "项目名称*:" or
 * "項(xiàng)目名稱" once the decorations that vary between forms are removed. Matching only: text
 * fields keep what was printed.
 */
public final class LabelText {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000?？]+");
    /** One-letter annotations such as (A), (B), (B/A) that name a column for the formula row. */
    private static final Pattern LETTER_NOTE = Pattern.compile("\\([A-Z](/[A-Z])?\\)");
    /** Pinyin glosses a mirror site put after characters: 項(xiàng)目. */
    private static final Pattern PINYIN = Pattern.compile("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+\\)");
    private static final Pattern TRAILING = Pattern.compile("[*:：]+$");
    /** Any bracketed annotation: (万元), (10分), (包含数字及文字描述), (%). */
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");
    /** Formula annotations of a funds matrix: ④=①+②+③, ⑥=⑤/④, and the circled numbers themselves. */
    private static final Pattern FORMULA = Pattern.compile("[=＝][^()]*$|[\\u2460-\\u2473]");
    /** A weight annotation left outside brackets: 成本指标(0-20)分 → 成本指标 once (0-20) is gone. */
    private static final Pattern TRAILING_POINTS = Pattern.compile("\\d+(?:\\.\\d+)?分$");
    /** The 分 of "(0-20)分" belongs to the bracket before it. */
    private static final Pattern POINTS_AFTER_BRACKET = Pattern.compile("\\)分");

    private LabelText() {
    }

    /** Labels are short: longer cells are sentences, matched rarely and not worth remembering. */
    private static final int CACHED_LENGTH = 120;
    /** Bound on each cache; it is emptied when full (documents repeat their labels, not across a batch). */
    private static final int CACHE_ENTRIES = 50_000;
    /**
     * Every reader asks every label set about the same cells, so a document's cells are normalised
     * many times over: each is worked out once.
     */
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();
    private static final Map<String, String> BARE = new ConcurrentHashMap<>();

    public static String normalize(String s) {
        if (s == null) return "";
        return remembered(NORMALIZED, s, LabelText::normalizeOnce);
    }

    private static String remembered(Map<String, String> cache, String s, java.util.function.UnaryOperator<String> work) {
        if (s.length() > CACHED_LENGTH) return work.apply(s);
        String done = cache.get(s);
        if (done != null) return done;
        done = work.apply(s);
        if (cache.size() >= CACHE_ENTRIES) cache.clear();
        cache.put(s, done);
        return done;
    }

    private static String normalizeOnce(String s) {
        String t = TAGS.matcher(s).replaceAll("");
        t = t.replace('（', '(').replace('）', ')').replace('：', ':');
        t = PINYIN.matcher(t).replaceAll("");
        t = SPACE.matcher(t).replaceAll("");
        t = LETTER_NOTE.matcher(t).replaceAll("");
        t = t.replace("*", "");
        t = TRAILING.matcher(t).replaceAll("");
        return simplified(t);
    }

    /**
     * The label without any annotation: brackets, formulas, circled numbers and trailing points
     * removed ("得分(20分*执行率)" → 得分, "小计④=①+②+③" → 小计, "分值(10分)" → 分值).
     */
    public static String bare(String s) {
        if (s == null) return "";
        return remembered(BARE, s, LabelText::bareOnce);
    }

    private static String bareOnce(String s) {
        String t = POINTS_AFTER_BRACKET.matcher(normalize(s)).replaceAll(")");
        String before;
        do {
            before = t;
            t = BRACKETED.matcher(t).replaceAll("");
        } while (!t.equals(before));
        t = FORMULA.matcher(t).replaceAll("");
        t = TRAILING_POINTS.matcher(t).replaceAll("");
        return TRAILING.matcher(t).replaceAll("");
    }

    /** Traditional characters as simplified, character by character (for matching only). */
    public static String simplified(String s) {
        Map<Character, Character> table = TraditionalTable.TABLE;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            Character m = table.get(s.charAt(i));
            if (m != null) {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, m);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Loaded on first use: mappings/traditional-simplified.txt, bundled in the jar. */
    private static final class TraditionalTable {
        static final Map<Character, Character> TABLE = load();

        private static Map<Character, Character> load() {
            Map<Character, Character> map = new HashMap<>();
            try (InputStream in = LabelText.class.getResourceAsStream("/mappings/traditional-simplified.txt")) {
                if (in == null) return map;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.length() == 3 && line.charAt(1) == '=') map.put(line.charAt(0), line.charAt(2));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mappings/traditional-simplified.txt", e);
            }
            return Map.copyOf(map);
        }
    }
}

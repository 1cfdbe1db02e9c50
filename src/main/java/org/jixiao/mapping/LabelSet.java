package org.jixiao.mapping;

import java.util.List;

/**
 * The synonyms of one label. A synonym ending in {@code *} matches any label starting with it;
 * the others must match the whole normalised label, or the label without its annotations
 * ({@link LabelText#bare}: "指标值(包含数字及文字描述)" is 指标值, "分值(10分)" is 分值).
 */
public final class LabelSet {

    private final List<String> exact;
    private final List<String> prefixes;

    public LabelSet(List<String> synonyms) {
        List<String> s = synonyms == null ? List.of() : synonyms;
        this.exact = s.stream().filter(x -> !x.endsWith("*")).map(LabelText::normalize).toList();
        this.prefixes = s.stream().filter(x -> x.endsWith("*"))
                .map(x -> LabelText.normalize(x.substring(0, x.length() - 1))).toList();
    }

    public boolean matches(String cell) {
        String n = LabelText.normalize(cell);
        if (n.isEmpty()) return false;
        if (exact.contains(n)) return true;
        for (String p : prefixes) {
            if (n.startsWith(p)) return true;
        }
        String b = LabelText.bare(cell);
        return !b.isEmpty() && !b.equals(n) && exact.contains(b);
    }

    /** The index of the first synonym the cell matches (lower is more specific), or -1. */
    public int rank(String cell) {
        String n = LabelText.normalize(cell);
        if (n.isEmpty()) return -1;
        int i = exact.indexOf(n);
        if (i >= 0) return i;
        for (int p = 0; p < prefixes.size(); p++) {
            if (n.startsWith(prefixes.get(p))) return exact.size() + p;
        }
        String b = LabelText.bare(cell);
        i = b.isEmpty() ? -1 : exact.indexOf(b);
        return i < 0 ? -1 : exact.size() + prefixes.size() + i;
    }

    public boolean isEmpty() {
        return exact.isEmpty() && prefixes.isEmpty();
    }
}

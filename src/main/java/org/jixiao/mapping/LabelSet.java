package org.jixiao.mapping;

import java.util.List;

/**
 * The synonyms of one label. A synonym ending in {@code *} matches any label starting with it;
 * the others must match the whole normalised label.
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
        return false;
    }
}

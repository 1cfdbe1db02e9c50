package org.jixiao.normalize;

import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelSet;
import org.jixiao.mapping.LabelText;

/**
 * The name of a fund source as the contract gives it: printed text without 其中：, without
 * enumerators ((一), 1、, 一、, ①) and without a trailing colon; the level of its enumerator, so
 * that only the top level of a nested list ((一)财政拨款小计 over 1、一般公共预算) is kept; and
 * which names are never sources (spending categories, codes, rates, contacts) — one rule for every
 * reader that finds sources.
 */
final class SourceNames {

    private final LabelSet spendingCategories;
    /** Parts of a label that make it no source (…科目代码, 联系电话), normalised. */
    private final List<String> notSourceParts;

    SourceNames(List<String> spendingCategories, List<String> notSourceLabels) {
        this.spendingCategories = new LabelSet(spendingCategories);
        this.notSourceParts = notSourceLabels.stream().map(LabelText::normalize).toList();
    }

    /** A label naming a code, a rate or a contact: a figure beside it is never a source. */
    boolean namesNoSource(String label) {
        String n = LabelText.normalize(label);
        return !n.isEmpty() && notSourceParts.stream().anyMatch(n::contains);
    }

    /** True when a source name (as {@link #name} gives it) cannot be a fund source. */
    boolean excluded(String name) {
        return name.isEmpty() || spendingCategories.matches(name) || namesNoSource(name);
    }

    /** "其中：本年财政拨款" names a part of the total above it; the prefix is not the name. */
    private static final Pattern OF_WHICH = Pattern.compile("^其中\\s*[:：]?\\s*");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：*]+\\s*$");
    private static final Pattern MONEY_UNIT = Pattern.compile("[(（]\\s*万?元\\s*[)）]\\s*$");

    /** Enumerators by level, outermost first. */
    private static final List<Pattern> ENUMERATORS = List.of(
            Pattern.compile("^[(（][一二三四五六七八九十]+[)）]\\s*"),
            Pattern.compile("^[一二三四五六七八九十]+\\s*[、.．]\\s*"),
            Pattern.compile("^\\d+\\s*[、.．)）]\\s*(?!\\d)"),
            Pattern.compile("^[\\u2460-\\u2473]\\s*"));

    static String withoutOfWhich(String label) {
        return TRAILING_COLON.matcher(OF_WHICH.matcher(label.strip()).replaceFirst("")).replaceFirst("").strip();
    }

    static boolean ofWhich(String label) {
        return OF_WHICH.matcher(label.strip()).find();
    }

    /** The printed name without 其中, enumerator, (万元) and colon. */
    String name(String label) {
        String s = withoutOfWhich(label);
        for (Pattern p : ENUMERATORS) s = p.matcher(s).replaceFirst("");
        s = MONEY_UNIT.matcher(s).replaceFirst("");
        return TRAILING_COLON.matcher(s).replaceFirst("").strip();
    }

    /** 0 for (一), 1 for 一、, 2 for 1、, 3 for ①; -1 when the label has no enumerator. */
    int level(String label) {
        String s = withoutOfWhich(label);
        for (int i = 0; i < ENUMERATORS.size(); i++) {
            if (ENUMERATORS.get(i).matcher(s).find()) return i;
        }
        return -1;
    }
}

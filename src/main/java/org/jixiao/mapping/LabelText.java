package org.jixiao.mapping;

import java.util.regex.Pattern;

/**
 * The comparable form of a label: what remains of "年初目标值 (A)" or "项目名称*:" once the
 * decorations that vary between forms are removed.
 */
public final class LabelText {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /** One-letter annotations such as (A), (B), (B/A) that name a column for the formula row. */
    private static final Pattern LETTER_NOTE = Pattern.compile("\\([A-Z](/[A-Z])?\\)");
    private static final Pattern TRAILING = Pattern.compile("[*:：]+$");

    private LabelText() {
    }

    public static String normalize(String s) {
        if (s == null) return "";
        String t = TAGS.matcher(s).replaceAll("");
        t = SPACE.matcher(t).replaceAll("");
        t = t.replace('（', '(').replace('）', ')').replace('：', ':');
        t = LETTER_NOTE.matcher(t).replaceAll("");
        t = t.replace("*", "");
        t = TRAILING.matcher(t).replaceAll("");
        return t;
    }
}

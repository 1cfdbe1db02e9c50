package org.jixiao.normalize;

import java.util.regex.Pattern;

/** Small label rules shared by the readers of the funds and sources sections. */
final class SectionLabels {

    /** "其中：本年财政拨款" names a part of the total above it; the prefix is not the name. */
    private static final Pattern OF_WHICH = Pattern.compile("^其中\\s*[:：]?\\s*");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：*]+\\s*$");

    private SectionLabels() {
    }

    static String withoutOfWhich(String label) {
        return TRAILING_COLON.matcher(OF_WHICH.matcher(label.strip()).replaceFirst("")).replaceFirst("").strip();
    }
}

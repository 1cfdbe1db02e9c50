package org.jixiao.extract.ocr;

import java.util.Locale;

/** When pages of a PDF are recognised by OCR. */
public enum OcrMode {
    /** Never: a scanned page stays unread (a finding names it), as before OCR existed. */
    OFF,
    /** Only pages without a usable text layer (images only, or garbled text); the default. */
    AUTO,
    /** Every page, even one with a good text layer (to compare, or when the text layer lies). */
    FORCE;

    /** The system property that sets the mode of a JVM ({@code off}, {@code auto} or {@code force}). */
    public static final String PROPERTY = "jixiao.ocr";

    /** The mode this JVM was started with: the {@link #PROPERTY} system property, {@link #AUTO} without it. */
    public static OcrMode configured() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? AUTO : parse(value);
    }

    /** {@code off|auto|force} in any case; anything else is refused. */
    public static OcrMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ocr 只能是 off、auto 或 force，而不是 “" + value + "”", e);
        }
    }
}

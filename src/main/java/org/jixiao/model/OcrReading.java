package org.jixiao.model;

import java.io.Serializable;

/**
 * What the recognition of a scan (OCR) gave for one figure, cell, row or paragraph: the text as
 * recognised, before it was read as a figure, and how sure the engine was. A figure that carries
 * one was not printed in a text layer: a reviewer should compare it with the paper.
 *
 * @param text       the recognised text (a row's cells joined by " | "); null when only the confidence is known
 * @param confidence the engine's score, 0..1: the lowest of the boxes the text was read from
 */
public record OcrReading(String text, double confidence) implements Serializable {

    /** The confidence as shown to users: two decimals. */
    public String shownConfidence() {
        return String.format(java.util.Locale.ROOT, "%.2f", confidence);
    }
}

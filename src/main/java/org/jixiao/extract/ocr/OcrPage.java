package org.jixiao.extract.ocr;

import java.util.List;
import org.jixiao.extract.table.TableFragment;
import org.jixiao.extract.table.TextLine;

/**
 * A page read by OCR, in PDF points like a page with a text layer: its ruled tables and the lines
 * of text outside them, top to bottom, and how sure the engine was.
 *
 * @param height     page height in points (after turning the page upright)
 * @param lineConfidences per line of {@code lines}, the lowest score of its boxes (0..1)
 * @param confidence mean character score of the page's text, 0..1 (1 when it holds no text)
 * @param characters characters recognised
 * @param turned     quarter turns (clockwise) the page needed to stand upright
 * @param skew       degrees the page was turned back to straighten it
 */
public record OcrPage(float height, List<TableFragment> tables, List<TextLine> lines, List<Double> lineConfidences,
                      double confidence, int characters, int turned, double skew) {

    public OcrPage {
        tables = List.copyOf(tables);
        lines = List.copyOf(lines);
        lineConfidences = List.copyOf(lineConfidences);
        if (lineConfidences.size() != lines.size()) throw new IllegalArgumentException("one confidence per line");
    }
}

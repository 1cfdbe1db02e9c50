package org.jixiao.model;

import java.io.Serializable;
import java.util.List;

/**
 * The part of one section of a report that was read from a scan (OCR) rather than a text layer.
 *
 * @param pages             1-based pages the section's scanned rows and figures stand on, ascending
 * @param items             rows (indicators, budget items) or located figures (the other sections) read from the scan
 * @param lowestConfidence  the lowest OCR confidence among them, 0..1
 */
public record ScannedPart(List<Integer> pages, int items, double lowestConfidence) implements Serializable {

    public ScannedPart {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }
}

package org.jixiao.model;

import java.io.Serializable;
import java.util.List;

/**
 * Where a finding's figure (or, failing it, its row label) is printed on a page of a PDF original:
 * rectangles as shares of the page's width and height, so that they lie over the page's image at
 * any size it is shown.
 *
 * @param pages     how many pages the document has (within the page limit)
 * @param page      the 1-based page searched or, when the whole document was searched, the page
 *                  found; 0 when the document has no such page or the text was found nowhere
 * @param textLayer whether the page has text to search; false for a scanned page (an image)
 * @param boxes     where the text stands, the likeliest first (the figure on the label's row); empty when not found
 */
public record PageHighlights(int pages, int page, boolean textLayer, List<Box> boxes) implements Serializable {

    public PageHighlights {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    /**
     * One rectangle: left and top edges, width and height, each a share (0–1) of the page as shown.
     *
     * @param text what was found there, as printed
     * @param kind {@code figure} for the reported figure, {@code label} for the row label
     */
    public record Box(double x, double y, double width, double height, String text, String kind) implements Serializable {
    }
}

package org.jixiao.model;

import java.io.Serializable;

/**
 * One page of a PDF original drawn as a PNG image, for a reviewer to see the figure where it was
 * printed.
 *
 * @param pages how many pages the document has (within the page limit)
 * @param page  the 1-based page drawn
 * @param png   the image; null when the document has no such page
 */
public record PageImage(int pages, int page, byte[] png) implements Serializable {

    public PageImage {
        png = png == null ? null : png.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] png() {
        return png == null ? null : png.clone();
    }

    /** No such page: only the count is known. */
    public static PageImage outOfRange(int pages, int page) {
        return new PageImage(pages, page, null);
    }

    public boolean exists() {
        return png != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageImage p && p.pages == pages && p.page == page && java.util.Arrays.equals(p.png, png);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * pages + page) + java.util.Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "PageImage[pages=" + pages + ", page=" + page + ", png=" + (png == null ? "none" : png.length + " bytes") + "]";
    }
}

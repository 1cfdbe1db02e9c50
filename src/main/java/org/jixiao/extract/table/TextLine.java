package org.jixiao.extract.table;

import java.util.List;

/**
 * One line of text on a page as laid out: the glyphs of one baseline, left to right, with the
 * box they occupy (PDF user space, y growing downwards as tabula reports it).
 *
 * @param text     the characters, spaces kept where the PDF shows a space or a wide gap between words
 * @param segments the line cut at wide gaps, each with its own box: the cells of a table without rulings
 * @param fontSize the size of one character, the unit for every distance judged on this line
 * @param endsWithSpace the line ends in a space glyph: where it wraps, the words were separated
 */
public record TextLine(String text, float left, float right, float top, float bottom, float fontSize,
                       List<Segment> segments, boolean endsWithSpace) {

    /** A run of text without a wide gap inside. */
    public record Segment(String text, float left, float right) {
    }

    public TextLine {
        segments = List.copyOf(segments);
    }

    public float centerY() {
        return (top + bottom) / 2;
    }

    public float height() {
        return bottom - top;
    }
}

package org.jixiao.extract.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import technology.tabula.TextElement;

/**
 * Turns positioned glyphs into lines and lines into cell text. CJK text has no spaces between
 * words, so a space is only put between two Latin letters or digits (where a gap or a space
 * glyph separates them) and never where a line wraps inside CJK text.
 */
public final class TextLines {

    /** Glyphs whose vertical centres differ by less than this share of the glyph height sit on one line. */
    static final float SAME_LINE_SHARE = 0.5f;

    /** A gap wider than this share of the font size between two glyphs is a word space. */
    static final float WORD_GAP_SHARE = 0.25f;

    /**
     * A gap wider than this many font sizes splits a line into segments: columns of a table
     * without rulings, or a label and a value spaced apart.
     */
    static final float SEGMENT_GAP_EMS = 1.5f;

    /** Code points from here on (CJK radicals onwards) are full-width CJK characters. */
    static final char CJK_START = '\u2E80';

    private TextLines() {
    }

    /** Lines of the glyphs, top to bottom; the glyphs need not be sorted. */
    public static List<TextLine> lines(List<TextElement> glyphs) {
        List<TextElement> sorted = new ArrayList<>();
        for (TextElement g : glyphs) {
            if (g.getText() != null && !g.getText().isEmpty()) sorted.add(g);
        }
        sorted.sort(Comparator.comparingDouble(TextElement::getCenterY));
        List<List<TextElement>> groups = new ArrayList<>();
        List<TextElement> current = null;
        double currentCenter = 0;
        double currentHeight = 0;
        for (TextElement g : sorted) {
            double h = Math.max(g.getHeight(), 1);
            if (current != null && Math.abs(g.getCenterY() - currentCenter) < SAME_LINE_SHARE * Math.max(h, currentHeight)) {
                current.add(g);
                continue;
            }
            current = new ArrayList<>();
            current.add(g);
            groups.add(current);
            currentCenter = g.getCenterY();
            currentHeight = h;
        }
        List<TextLine> out = new ArrayList<>();
        for (List<TextElement> group : groups) {
            TextLine line = line(group);
            if (line != null) out.add(line);
        }
        return out;
    }

    private static TextLine line(List<TextElement> group) {
        group.sort(Comparator.comparingDouble(TextElement::getX));
        float fontSize = em(group);
        StringBuilder text = new StringBuilder();
        List<TextLine.Segment> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        float segLeft = 0;
        float segRight = 0;
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        TextElement prev = null;
        for (TextElement g : group) {
            String s = g.getText();
            boolean blank = s.isBlank();
            if (!blank) {
                left = Math.min(left, g.getLeft());
                right = Math.max(right, g.getRight());
                top = Math.min(top, g.getTop());
                bottom = Math.max(bottom, g.getBottom());
            }
            if (prev != null) {
                float gap = g.getLeft() - prev.getRight();
                if (!blank && segment.length() > 0 && gap > SEGMENT_GAP_EMS * fontSize) {
                    segments.add(new TextLine.Segment(segment.toString().strip(), segLeft, segRight));
                    segment.setLength(0);
                    appendSpace(text);
                } else if (!blank && gap > WORD_GAP_SHARE * fontSize && wordChar(lastChar(text)) && wordChar(s.charAt(0))) {
                    appendSpace(text);
                    appendSpace(segment);
                }
            }
            if (blank) {
                appendSpace(text);
                appendSpace(segment);
            } else {
                if (segment.length() == 0) segLeft = g.getLeft();
                segRight = g.getRight();
                text.append(s);
                segment.append(s);
            }
            prev = g;
        }
        if (left == Float.MAX_VALUE) return null;
        if (!segment.isEmpty() && !segment.toString().isBlank()) {
            segments.add(new TextLine.Segment(segment.toString().strip(), segLeft, segRight));
        }
        boolean endsWithSpace = group.get(group.size() - 1).getText().isBlank();
        return new TextLine(text.toString().strip(), left, right, top, bottom, fontSize, segments, endsWithSpace);
    }

    /**
     * The size of one character of the line: the median advance of its CJK glyphs (which are
     * square), else the median font size in points, else the median glyph height. Glyph heights alone mislead: some fonts (the Type 3
     * fonts browsers embed) report boxes far taller than the text.
     */
    private static float em(List<TextElement> group) {
        List<Float> widths = new ArrayList<>();
        List<Float> sizes = new ArrayList<>();
        List<Float> heights = new ArrayList<>();
        for (TextElement g : group) {
            String s = g.getText();
            if (s.isBlank()) continue;
            if (s.charAt(0) >= CJK_START) widths.add((float) g.getWidth());
            if (g.getFontSize() > 0) sizes.add(g.getFontSize());
            heights.add((float) g.getHeight());
        }
        List<Float> use = !widths.isEmpty() ? widths : !sizes.isEmpty() ? sizes : heights;
        if (use.isEmpty()) return 1f;
        use.sort(null);
        return Math.max(use.get(use.size() / 2), 1f);
    }

    /** The text of a cell: its lines joined without a break, CJK without spaces. */
    public static String cellText(List<TextElement> glyphs) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (TextLine line : lines(glyphs)) {
            join(sb, line.text(), space);
            space = line.endsWithSpace();
        }
        return sb.toString();
    }

    /** Appends a wrapped line: a space only between two Latin words or numbers. */
    public static void join(StringBuilder sb, String next) {
        join(sb, next, false);
    }

    /**
     * Appends a wrapped line; {@code spaceBefore} when the previous line ended in a space glyph
     * (the line was wrapped at a space, as between "12,000" and "辆").
     */
    public static void join(StringBuilder sb, String next, boolean spaceBefore) {
        if (next.isEmpty()) return;
        if (sb.length() > 0 && (spaceBefore || (wordChar(sb.charAt(sb.length() - 1)) && wordChar(next.charAt(0))))) {
            sb.append(' ');
        }
        sb.append(next);
    }

    private static void appendSpace(StringBuilder sb) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
    }

    private static char lastChar(StringBuilder sb) {
        return sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
    }

    /** Latin letters and digits take a space between words; CJK and punctuation do not. */
    static boolean wordChar(char c) {
        return c < CJK_START && Character.isLetterOrDigit(c);
    }
}

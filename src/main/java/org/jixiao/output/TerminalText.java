package org.jixiao.output;

/**
 * Text laid out in terminal cells: CJK characters and full-width forms take two cells, so columns
 * of Chinese text line up only when widths are counted this way.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** Cells a code point takes in a terminal. */
    public static int cellWidth(int cp) {
        return (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)))
                || (cp >= 0x2014 && cp <= 0x201D) ? 2 : 1;
    }

    /** Pads to a width in cells, cutting with … when too long; at least one space ends the column. */
    public static String pad(String s, int width) {
        boolean cut = s.codePoints().map(TerminalText::cellWidth).sum() > width - 1;
        int room = cut ? width - 2 : width - 1;
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = cellWidth(cp);
            if (w + cw > room) break;
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        if (cut) {
            sb.append('…');
            w++;
        }
        while (w < width) {
            sb.append(' ');
            w++;
        }
        return sb.toString();
    }

    /** The end of a long text (a path: where file names differ), cut at the front with …. */
    public static String tail(String s, int width) {
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int cw = cellWidth(cp);
            if (w + cw > width - 2) return "…" + s.substring(i);
            w += cw;
            i -= Character.charCount(cp);
        }
        return s;
    }
}

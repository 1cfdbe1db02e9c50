package org.jixiao.extract.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.extract.table.TableFragment;
import org.jixiao.extract.table.TextLine;
import org.jixiao.extract.table.TextLines;
import org.jixiao.model.Block;
import org.jixiao.model.Location;
import org.jixiao.model.OcrReading;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;

/**
 * Puts the pages' lines and tables into blocks in reading order. A line that runs to the right
 * edge of the text continues in the next line (on the same page, or the first line of the next
 * page) unless that one is indented or starts a list item; a table that ends a page and one of
 * the same columns that starts the next page are one table.
 */
final class ReadingOrder {

    /** A line whose right end is within this many font sizes of the text's right edge was cut by the page width. */
    static final float FULL_LINE_EMS = 2.5f;

    /** A next line starting more than this many font sizes right of the previous one is an indented new paragraph. */
    static final float INDENT_EMS = 1.0f;

    /** Lines of one paragraph are at most this many line heights apart (vertical gap). */
    static final float LINE_GAP_LINES = 1.2f;

    /** Lines of one paragraph differ in font size by at most this share: a heading is not continued by body text. */
    static final float FONT_SIZE_SHARE = 0.2f;

    /** A continued table starts within this share of the page height from the top. */
    static final float CONTINUATION_TOP_SHARE = 0.25f;

    private static final Pattern LIST_START = Pattern.compile("^([（(]?[0-9一二三四五六七八九十]+[)）.、．]|[①-⑳]|[-*•]\\s).*");

    /**
     * One page as read: height, tables and the lines outside them.
     *
     * @param lineConfidences per line, its OCR confidence when the page was recognised from a
     *                        scan; empty for a page read from its text layer
     */
    record PageContent(int page, float height, List<TableFragment> tables, List<TextLine> lines, List<Double> lineConfidences) {

        PageContent {
            lineConfidences = List.copyOf(lineConfidences);
        }

        /** A page read from its text layer. */
        PageContent(int page, float height, List<TableFragment> tables, List<TextLine> lines) {
            this(page, height, tables, lines, List.of());
        }

        /** The OCR confidence of the i-th line, null when the page was not recognised from a scan. */
        Double confidence(int line) {
            return line < lineConfidences.size() ? lineConfidences.get(line) : null;
        }
    }

    /** Joins the non-empty recognised cells of a scanned row into the text a row's reading shows. */
    static final String CELL_SEPARATOR = " | ";

    private ReadingOrder() {
    }

    static List<Block> blocks(List<PageContent> pages) {
        // The right edge of the text column: full-width tables reach it even when no paragraph
        // of the document is long enough to wrap.
        float textRight = -Float.MAX_VALUE;
        for (PageContent p : pages) {
            for (TextLine l : p.lines()) textRight = Math.max(textRight, l.right());
            for (TableFragment t : p.tables()) textRight = Math.max(textRight, t.right());
        }
        Builder b = new Builder(textRight);
        for (PageContent p : pages) {
            List<Object> items = new ArrayList<>();
            items.addAll(p.tables());
            items.addAll(p.lines());
            items.sort((x, y) -> Float.compare(top(x), top(y)));
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                Double confidence = item instanceof TextLine l && !p.lineConfidences().isEmpty()
                        ? p.confidence(p.lines().indexOf(l)) : null;
                b.add(item, p, i == 0, confidence);
            }
            b.endPage(p);
        }
        return b.finish();
    }

    private static float top(Object item) {
        return item instanceof TableFragment t ? t.top() : ((TextLine) item).top();
    }

    private static final class Builder {
        private final float textRight;
        private final List<Block> out = new ArrayList<>();
        private StringBuilder paragraph;
        private int paragraphPage;
        /** The lowest OCR confidence of the paragraph's lines; null while none was recognised from a scan. */
        private Double paragraphConfidence;
        private TextLine lastLine;
        private TableFragment table;
        /** What ended the previous page: a table, a line, or nothing. */
        private Object lastOnPage;
        private int lastPage = -1;
        private Object previous;

        Builder(float textRight) {
            this.textRight = textRight;
        }

        void add(Object item, PageContent page, boolean firstOnPage, Double confidence) {
            boolean fromPreviousPage = firstOnPage && page.page() == lastPage + 1 && lastOnPage != null;
            if (item instanceof TableFragment t) {
                flushParagraph();
                if (table != null && fromPreviousPage && lastOnPage == table
                        && t.top() < page.height() * CONTINUATION_TOP_SHARE && table.continuedBy(t)) {
                    table = table.append(t);
                } else {
                    flushTable();
                    table = t;
                }
                previous = table;
                return;
            }
            TextLine line = (TextLine) item;
            flushTable();
            boolean sameRun = previous instanceof TextLine && paragraph != null
                    && (fromPreviousPage ? lastOnPage == lastLine : !firstOnPage);
            if (sameRun && continues(lastLine, line, fromPreviousPage)) {
                TextLines.join(paragraph, line.text(), lastLine.endsWithSpace());
                if (confidence != null) {
                    paragraphConfidence = paragraphConfidence == null ? confidence : Math.min(paragraphConfidence, confidence);
                }
            } else {
                flushParagraph();
                paragraph = new StringBuilder(line.text());
                paragraphPage = page.page();
                paragraphConfidence = confidence;
            }
            lastLine = line;
            previous = line;
        }

        void endPage(PageContent page) {
            lastOnPage = previous;
            lastPage = page.page();
        }

        private boolean continues(TextLine prev, TextLine next, boolean acrossPages) {
            float em = prev.fontSize();
            if (prev.right() < textRight - FULL_LINE_EMS * em) return false;
            if (LIST_START.matcher(next.text()).matches()) return false;
            if (next.left() > prev.left() + INDENT_EMS * em) return false;
            if (Math.abs(next.fontSize() - em) > FONT_SIZE_SHARE * em) return false;
            return acrossPages || next.top() - prev.bottom() < LINE_GAP_LINES * Math.max(prev.height(), em);
        }

        private void flushParagraph() {
            if (paragraph != null && !paragraph.isEmpty()) {
                Location at = Location.page(paragraphPage);
                // The paragraph is its own recognised text: the reading carries only how sure the engine was.
                if (paragraphConfidence != null) at = at.withOcr(new OcrReading(null, paragraphConfidence));
                out.add(new TextBlock(paragraph.toString(), at));
            }
            paragraph = null;
            paragraphConfidence = null;
        }

        private void flushTable() {
            if (table == null) return;
            List<List<String>> rows = table.rows();
            List<List<Double>> confidences = table.confidences();
            List<TableRow> tableRows = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                tableRows.add(row(rows.get(r), confidences.get(r), new Location(table.rowPages().get(r), null, r + 1)));
            }
            out.add(new TableBlock(tableRows, Location.page(table.page())));
            table = null;
        }

        /**
         * A row of the table; when some of its cells were recognised from a scan, each such cell
         * carries its reading, and the row its recognised cells and their lowest confidence.
         */
        private static TableRow row(List<String> cells, List<Double> confidences, Location at) {
            List<OcrReading> readings = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            Double lowest = null;
            for (int c = 0; c < cells.size(); c++) {
                Double confidence = confidences.get(c);
                if (confidence == null) {
                    readings.add(null);
                    continue;
                }
                readings.add(new OcrReading(cells.get(c), confidence));
                if (!text.isEmpty()) text.append(CELL_SEPARATOR);
                text.append(cells.get(c));
                lowest = lowest == null ? confidence : Math.min(lowest, confidence);
            }
            if (lowest == null) return new TableRow(cells, at);
            return new TableRow(cells, at.withOcr(new OcrReading(text.toString(), lowest)), readings);
        }

        List<Block> finish() {
            flushParagraph();
            flushTable();
            return out;
        }
    }
}

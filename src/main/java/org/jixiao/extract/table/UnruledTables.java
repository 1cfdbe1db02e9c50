package org.jixiao.extract.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.extract.text.CellText;
import technology.tabula.Page;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.extractors.BasicExtractionAlgorithm;

/**
 * Stream reading of tables drawn without rulings. A table shows as consecutive lines cut into
 * segments by wide gaps whose left edges line up; such a run of lines is handed to tabula's
 * stream algorithm, which places the text in columns.
 */
final class UnruledTables {

    /** Fewer rows than this are a spaced-out line (a label and a date), not a table. */
    static final int MIN_ROWS = 3;

    /** Each row needs at least this many segments, and the table at least this many aligned columns. */
    static final int MIN_COLUMNS = 2;

    /** Lines further apart than this many line heights are not rows of one table. */
    static final float MAX_ROW_GAP_LINES = 1.5f;

    /** Segment left edges within this many font sizes are in the same column (when they do not overlap). */
    static final float ALIGN_EMS = 0.6f;

    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}]) (?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}])");

    /** Runs of lines that form tables, with the tables read from them. */
    record Found(List<TextLine> lines, TableFragment table) {
    }

    List<Found> find(Page page, List<TextLine> lines) {
        List<Found> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int end = i;
            while (end < lines.size() && lines.get(end).segments().size() >= MIN_COLUMNS
                    && (end == i || close(lines.get(end - 1), lines.get(end)))) {
                end++;
            }
            if (end - i >= MIN_ROWS && aligned(lines.subList(i, end))) {
                List<TextLine> run = lines.subList(i, end);
                TableFragment t = read(page, run);
                if (t != null) {
                    out.add(new Found(List.copyOf(run), t));
                    i = end;
                    continue;
                }
            }
            i = Math.max(end, i + 1);
        }
        return out;
    }

    private static boolean close(TextLine a, TextLine b) {
        return b.top() - a.bottom() < MAX_ROW_GAP_LINES * Math.max(a.height(), a.fontSize());
    }

    /**
     * At least two segments of the first row have a segment in every other row that starts at
     * the same x (left-aligned columns) or overlaps it (centred columns).
     */
    private static boolean aligned(List<TextLine> run) {
        TextLine first = run.get(0);
        int shared = 0;
        for (TextLine.Segment s : first.segments()) {
            boolean everywhere = true;
            for (TextLine other : run) {
                boolean found = false;
                for (TextLine.Segment o : other.segments()) {
                    if (Math.abs(o.left() - s.left()) < ALIGN_EMS * first.fontSize()
                            || (o.left() < s.right() && s.left() < o.right())) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    everywhere = false;
                    break;
                }
            }
            if (everywhere) shared++;
        }
        return shared >= MIN_COLUMNS;
    }

    private static TableFragment read(Page page, List<TextLine> run) {
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (TextLine l : run) {
            top = Math.min(top, l.top());
            bottom = Math.max(bottom, l.bottom());
            left = Math.min(left, l.left());
            right = Math.max(right, l.right());
        }
        Page area = page.getArea(top - 1, left - 1, bottom + 1, right + 1);
        List<Table> tables = new BasicExtractionAlgorithm().extract(area);
        if (tables.isEmpty()) return null;
        Table t = tables.get(0);
        int columns = t.getColCount();
        int rows = t.getRowCount();
        if (columns < MIN_COLUMNS || rows < MIN_ROWS) return null;
        float[] edge = new float[columns + 1];
        Arrays.fill(edge, Float.NaN);
        List<GridCell> cells = new ArrayList<>();
        List<List<RectangularTextContainer>> tableRows = t.getRows();
        for (int r = 0; r < tableRows.size(); r++) {
            List<RectangularTextContainer> row = tableRows.get(r);
            for (int c = 0; c < row.size() && c < columns; c++) {
                RectangularTextContainer cell = row.get(c);
                String text = SPACE_BETWEEN_CJK.matcher(CellText.clean(cell.getText())).replaceAll("");
                if (!text.isEmpty()) {
                    if (Float.isNaN(edge[c]) || cell.getLeft() < edge[c]) edge[c] = cell.getLeft();
                    cells.add(new GridCell(r, 1, c, 1, text));
                }
            }
        }
        List<Float> edges = new ArrayList<>();
        float last = left - 1;
        for (int c = 0; c < columns; c++) {
            float x = Float.isNaN(edge[c]) ? last + 1 : Math.max(edge[c], last + 1);
            edges.add(x);
            last = x;
        }
        edges.set(0, left);
        edges.add(Math.max(right, last + 1));
        List<Integer> pages = Collections.nCopies(rows, page.getPageNumber());
        return new TableFragment(page.getPageNumber(), "stream", top, bottom, edges, rows, cells, pages);
    }
}

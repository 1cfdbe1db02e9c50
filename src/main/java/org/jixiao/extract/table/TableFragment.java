package org.jixiao.extract.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a table that one page shows, as a grid: column edges (x positions, left to right),
 * a number of rows and the cells placed on them. Several fragments of one table (continued
 * across pages) join into one by {@link #append}.
 *
 * @param page         1-based page where the fragment starts
 * @param method       "lattice" (read from rulings) or "stream" (read from text alignment)
 * @param top          top of the fragment on its page
 * @param bottom       bottom of the fragment on its last page
 * @param columnEdges  x positions of the column boundaries, one more than the columns
 * @param rowCount     number of rows
 * @param cells        the cells, each at its top-left position
 * @param rowPages     the page of each row
 */
public record TableFragment(int page, String method, float top, float bottom, List<Float> columnEdges,
                            int rowCount, List<GridCell> cells, List<Integer> rowPages) {

    /** Column edges closer than this (points) are one edge: rulings of adjacent cells never line up exactly. */
    public static final float EDGE_TOLERANCE = 2.5f;

    public TableFragment {
        columnEdges = List.copyOf(columnEdges);
        cells = List.copyOf(cells);
        rowPages = List.copyOf(rowPages);
    }

    public float left() {
        return columnEdges.get(0);
    }

    public float right() {
        return columnEdges.get(columnEdges.size() - 1);
    }

    public int columnCount() {
        return columnEdges.size() - 1;
    }

    /**
     * The rows as the text form has them: a merged cell's text in its top-left position, empty
     * strings in the positions it covers.
     */
    public List<List<String>> rows() {
        int columns = columnCount();
        List<String[]> grid = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            String[] row = new String[columns];
            Arrays.fill(row, "");
            grid.add(row);
        }
        for (GridCell c : cells) {
            if (c.row() < rowCount && c.column() < columns) grid.get(c.row())[c.column()] = c.text();
        }
        List<List<String>> out = new ArrayList<>();
        for (String[] row : grid) out.add(List.of(row));
        return out;
    }

    /**
     * The OCR confidence of each cell laid out as {@link #rows()} lays out the texts: null where
     * a cell holds no recognised text (or no text at all). All null for a fragment of a text layer.
     */
    public List<List<Double>> confidences() {
        int columns = columnCount();
        List<Double[]> grid = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) grid.add(new Double[columns]);
        for (GridCell c : cells) {
            if (c.row() < rowCount && c.column() < columns && !c.text().isEmpty()) grid.get(c.row())[c.column()] = c.confidence();
        }
        List<List<Double>> out = new ArrayList<>();
        for (Double[] row : grid) out.add(Arrays.asList(row));
        return out;
    }

    /**
     * True when {@code next} (the first thing on the following page) continues this table: the
     * same outer edges, and column edges of which one set contains the other (a continuation may
     * lack the merged header that split a column, or have rows that split one).
     */
    public boolean continuedBy(TableFragment next) {
        if (Math.abs(left() - next.left()) > EDGE_TOLERANCE || Math.abs(right() - next.right()) > EDGE_TOLERANCE) {
            return false;
        }
        return contains(columnEdges, next.columnEdges) || contains(next.columnEdges, columnEdges);
    }

    /**
     * This fragment followed by the rows of {@code next}, on the union of both column edges. When
     * the page break cut a row in two (the word processor let the row break across pages), the
     * first row of {@code next} holds only the rest of some cells of the last row here: those
     * texts are appended to the cells they continue instead of making a row of their own.
     */
    public TableFragment append(TableFragment next) {
        List<Float> edges = union(columnEdges, next.columnEdges);
        List<GridCell> joined = new ArrayList<>();
        for (GridCell c : cells) joined.add(remap(c, columnEdges, edges, 0));
        List<GridCell> incoming = new ArrayList<>();
        for (GridCell c : next.cells) incoming.add(remap(c, next.columnEdges, edges, rowCount));
        int nextRows = next.rowCount;
        List<Integer> nextPages = new ArrayList<>(next.rowPages);
        if (rowCount > 0 && nextRows > 0 && continuesLastRow(joined, incoming, rowCount - 1, rowCount)) {
            for (GridCell c : incoming) {
                if (c.row() != rowCount) continue;
                for (int i = 0; i < joined.size(); i++) {
                    GridCell last = joined.get(i);
                    if (last.row() <= rowCount - 1 && last.row() + last.rowSpan() > rowCount - 1 && last.column() == c.column()) {
                        StringBuilder text = new StringBuilder(last.text());
                        TextLines.join(text, c.text());
                        joined.set(i, new GridCell(last.row(), last.rowSpan(), last.column(), last.columnSpan(), text.toString(),
                                lowest(last.confidence(), c.confidence())));
                    }
                }
            }
            List<GridCell> shifted = new ArrayList<>();
            for (GridCell c : incoming) {
                if (c.row() == rowCount) continue;
                shifted.add(c.movedTo(c.row() - 1, c.column(), c.columnSpan()));
            }
            incoming = shifted;
            nextRows--;
            nextPages.remove(0);
        }
        joined.addAll(incoming);
        List<Integer> pages = new ArrayList<>(rowPages);
        pages.addAll(nextPages);
        return new TableFragment(page, method, top, next.bottom, edges, rowCount + nextRows, joined, pages);
    }

    /**
     * A first row that continues the last one: every text it has sits in a column where the last
     * row has text too, and it has at most half as many texts (the cells that did fit stay above).
     */
    private static boolean continuesLastRow(List<GridCell> above, List<GridCell> below, int lastRow, int firstRow) {
        int aboveTexts = 0;
        Set<Integer> aboveColumns = new HashSet<>();
        for (GridCell c : above) {
            if (c.row() == lastRow && !c.text().isEmpty()) {
                aboveTexts++;
                aboveColumns.add(c.column());
            }
        }
        int belowTexts = 0;
        for (GridCell c : below) {
            if (c.row() != firstRow || c.text().isEmpty()) continue;
            if (!aboveColumns.contains(c.column())) return false;
            belowTexts++;
        }
        return belowTexts > 0 && belowTexts * 2 <= aboveTexts;
    }

    private static GridCell remap(GridCell c, List<Float> from, List<Float> to, int rowOffset) {
        int first = indexOf(to, from.get(c.column()));
        int last = indexOf(to, from.get(Math.min(c.column() + c.columnSpan(), from.size() - 1)));
        return c.movedTo(c.row() + rowOffset, first, Math.max(1, last - first));
    }

    /** The lower of two OCR confidences, either of which may be absent (text layer). */
    private static Double lowest(Double a, Double b) {
        if (a == null) return b;
        return b == null ? a : Math.min(a, b);
    }

    private static boolean contains(List<Float> all, List<Float> some) {
        for (float x : some) {
            if (indexOf(all, x) < 0) return false;
        }
        return true;
    }

    private static List<Float> union(List<Float> a, List<Float> b) {
        List<Float> out = new ArrayList<>(a);
        for (float x : b) {
            if (indexOf(out, x) < 0) out.add(x);
        }
        Collections.sort(out);
        return out;
    }

    /** Index of the edge within tolerance of x, or the nearest edge when none is that close (-1 for an empty list). */
    static int indexOf(List<Float> edges, float x) {
        int best = -1;
        float bestDistance = Float.MAX_VALUE;
        for (int i = 0; i < edges.size(); i++) {
            float d = Math.abs(edges.get(i) - x);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return bestDistance <= EDGE_TOLERANCE ? best : -1;
    }
}

package org.jixiao.extract.table;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jixiao.extract.text.CellText;
import technology.tabula.Cell;
import technology.tabula.Page;
import technology.tabula.Rectangle;
import technology.tabula.Ruling;
import technology.tabula.TextElement;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * Lattice reading of ruled tables. tabula finds the closed cell rectangles of the rulings
 * (a merged cell is one rectangle because no ruling crosses it) and groups them into tables; the
 * grid is then the union of all cell edges of a table, and each rectangle covers as many grid
 * rows and columns as edges fall inside it. That is the span tabula itself does not report.
 */
final class RuledTables {

    /** A table needs at least this many cells; a single framed box is a text frame, not a table. */
    static final int MIN_CELLS = 2;

    /** A table has at least this many columns; boxes stacked in one column are framed prose. */
    static final int MIN_COLUMNS = 2;

    /** A ruling shorter than this (points) is a glyph stroke or an underline piece, not a cell border. */
    static final float MIN_RULING_LENGTH = 4f;

    /** Cell text is gathered from glyphs whose centre lies inside the cell shrunk by this margin (points). */
    static final float CELL_INSET = 0.5f;

    List<TableFragment> find(Page page) {
        List<Ruling> horizontal = snap(page.getHorizontalRulings(), true);
        List<Ruling> vertical = snap(page.getVerticalRulings(), false);
        if (vertical.isEmpty() || horizontal.size() < 2) return List.of();
        vertical = closeOpenSides(horizontal, vertical);
        if (vertical.size() < 2) return List.of();
        horizontal = closeOpenEnds(horizontal, vertical);
        if (horizontal.size() < 2) return List.of();
        List<Cell> cells = SpreadsheetExtractionAlgorithm.findCells(horizontal, vertical);
        if (cells.size() < MIN_CELLS) return List.of();
        List<Rectangle> areas = SpreadsheetExtractionAlgorithm.findSpreadsheetsFromCells(cells);
        List<TableFragment> out = new ArrayList<>();
        for (Rectangle area : areas) {
            List<Cell> inside = new ArrayList<>();
            for (Cell c : cells) {
                if (area.intersects(c.getX() + 1, c.getY() + 1, Math.max(c.getWidth() - 2, 0.1), Math.max(c.getHeight() - 2, 0.1))) {
                    inside.add(c);
                }
            }
            if (inside.size() < MIN_CELLS) continue;
            TableFragment fragment = fragment(page, inside);
            // A framed column of boxes is prose in frames: the text form has it as lines, not rows.
            if (fragment.columnCount() >= MIN_COLUMNS) out.add(fragment);
        }
        out.sort((a, b) -> Float.compare(a.top(), b.top()));
        return out;
    }

    private static TableFragment fragment(Page page, List<Cell> cells) {
        List<Float> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        for (Cell c : cells) {
            addEdge(xs, c.getLeft());
            addEdge(xs, c.getRight());
            addEdge(ys, c.getTop());
            addEdge(ys, c.getBottom());
        }
        Collections.sort(xs);
        Collections.sort(ys);
        List<GridCell> placed = new ArrayList<>();
        List<TextElement> used = new ArrayList<>();
        for (Cell c : cells) {
            int col = TableFragment.indexOf(xs, c.getLeft());
            int colEnd = TableFragment.indexOf(xs, c.getRight());
            int row = TableFragment.indexOf(ys, c.getTop());
            int rowEnd = TableFragment.indexOf(ys, c.getBottom());
            if (col < 0 || row < 0 || colEnd <= col || rowEnd <= row) continue;
            List<TextElement> glyphs = glyphs(page, c);
            used.addAll(glyphs);
            placed.add(new GridCell(row, rowEnd - row, col, colEnd - col,
                    CellText.clean(TextLines.cellText(glyphs))));
        }
        placeOrphans(page, xs, ys, placed, new HashSet<>(used));
        int rows = ys.size() - 1;
        List<Integer> pages = Collections.nCopies(rows, page.getPageNumber());
        return new TableFragment(page.getPageNumber(), "lattice", ys.get(0), ys.get(ys.size() - 1), xs, rows, placed, pages);
    }

    /**
     * Text inside the table that no closed cell holds goes to the grid position it lies in. A
     * cell merged down across a page break has no bottom border on the first page, so tabula
     * finds no rectangle for it; its text (a 一级 label, say) would otherwise be lost.
     */
    private static void placeOrphans(Page page, List<Float> xs, List<Float> ys, List<GridCell> placed,
                                     Set<TextElement> used) {
        float top = ys.get(0);
        float bottom = ys.get(ys.size() - 1);
        float left = xs.get(0);
        float right = xs.get(xs.size() - 1);
        List<TextElement> orphans = new ArrayList<>();
        for (TextElement g : page.getText(new Rectangle(top, left, right - left, bottom - top))) {
            if (!used.contains(g) && !g.getText().isBlank()) orphans.add(g);
        }
        for (TextLine line : TextLines.lines(orphans)) {
            int col = slot(xs, (line.left() + line.right()) / 2);
            int row = slot(ys, line.centerY());
            if (col < 0 || row < 0) continue;
            int covering = -1;
            for (int i = 0; i < placed.size(); i++) {
                GridCell c = placed.get(i);
                if (c.row() <= row && row < c.row() + c.rowSpan() && c.column() <= col && col < c.column() + c.columnSpan()) {
                    covering = i;
                    break;
                }
            }
            if (covering < 0) {
                placed.add(new GridCell(row, 1, col, 1, line.text()));
            } else {
                GridCell c = placed.get(covering);
                StringBuilder text = new StringBuilder(c.text());
                TextLines.join(text, line.text());
                placed.set(covering, new GridCell(c.row(), c.rowSpan(), c.column(), c.columnSpan(), text.toString()));
            }
        }
    }

    /** The interval of {@code edges} that x falls in, -1 outside. */
    private static int slot(List<Float> edges, float x) {
        for (int i = 0; i + 1 < edges.size(); i++) {
            if (x >= edges.get(i) && x < edges.get(i + 1)) return i;
        }
        return -1;
    }

    private static List<TextElement> glyphs(Page page, Cell c) {
        List<TextElement> glyphs = new ArrayList<>();
        float top = c.getTop() + CELL_INSET;
        float bottom = c.getBottom() - CELL_INSET;
        float left = c.getLeft() + CELL_INSET;
        float right = c.getRight() - CELL_INSET;
        // Query a little beyond the cell: glyph boxes of CJK fonts are taller than the glyphs.
        for (TextElement g : page.getText(new Rectangle(c.getTop() - 4, c.getLeft() - 4, (float) c.getWidth() + 8, (float) c.getHeight() + 8))) {
            double cx = g.getCenterX();
            double cy = g.getCenterY();
            if (cx > left && cx < right && cy > top && cy < bottom) glyphs.add(g);
        }
        return glyphs;
    }

    /**
     * Adds the border a table leaves open at a page break. Browsers draw a table that continues on
     * the next page without a line at the break when a merged cell runs across it: the column
     * rulings then go past the last (or start before the first) horizontal ruling, and the rows
     * there would have no closed cells.
     */
    private static List<Ruling> closeOpenEnds(List<Ruling> horizontal, List<Ruling> vertical) {
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        for (Ruling v : vertical) {
            top = Math.min(top, v.getTop());
            bottom = Math.max(bottom, v.getBottom());
        }
        List<Ruling> out = new ArrayList<>(horizontal);
        addClosing(out, vertical, top, true);
        addClosing(out, vertical, bottom, false);
        return out;
    }

    /**
     * Adds the outer side borders of a table drawn without them (Word tables whose side borders
     * are switched off): the row rulings then reach past the outermost column ruling, and the
     * first and last columns would have no closed cells.
     */
    private static List<Ruling> closeOpenSides(List<Ruling> horizontal, List<Ruling> vertical) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (Ruling h : horizontal) {
            left = Math.min(left, h.getLeft());
            right = Math.max(right, h.getRight());
        }
        List<Ruling> out = new ArrayList<>(vertical);
        addSide(out, horizontal, left, true);
        addSide(out, horizontal, right, false);
        return out;
    }

    private static void addSide(List<Ruling> vertical, List<Ruling> horizontal, float x, boolean atLeft) {
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        int count = 0;
        for (Ruling h : horizontal) {
            float end = atLeft ? h.getLeft() : h.getRight();
            if (Math.abs(end - x) <= TableFragment.EDGE_TOLERANCE) {
                top = Math.min(top, h.getTop());
                bottom = Math.max(bottom, h.getTop());
                count++;
            }
        }
        if (count < 2) return;
        // Any ruling on that side means the side is drawn (perhaps as separate tables): only a
        // side drawn nowhere is added, so stacked tables are not bridged into one.
        for (Ruling v : vertical) {
            if (Math.abs(v.getPosition() - x) <= TableFragment.EDGE_TOLERANCE) return;
        }
        vertical.add(new Ruling(new Point2D.Float(x, top), new Point2D.Float(x, bottom)));
    }

    private static void addClosing(List<Ruling> horizontal, List<Ruling> vertical, float y, boolean atTop) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        int count = 0;
        for (Ruling v : vertical) {
            float end = atTop ? v.getTop() : v.getBottom();
            if (Math.abs(end - y) <= TableFragment.EDGE_TOLERANCE) {
                left = Math.min(left, v.getLeft());
                right = Math.max(right, v.getLeft());
                count++;
            }
        }
        if (count < 2) return;
        for (Ruling h : horizontal) {
            if (Math.abs(h.getPosition() - y) <= TableFragment.EDGE_TOLERANCE
                    && h.getLeft() <= left + TableFragment.EDGE_TOLERANCE && h.getRight() >= right - TableFragment.EDGE_TOLERANCE) {
                return;
            }
        }
        horizontal.add(new Ruling(new Point2D.Float(left, y), new Point2D.Float(right, y)));
    }

    private static void addEdge(List<Float> edges, float x) {
        if (TableFragment.indexOf(edges, x) < 0) edges.add(x);
    }

    /**
     * Rulings as tabula needs them: long enough, and with positions that belong together made
     * equal, because borders drawn as thin filled rectangles or per-cell strokes are a fraction
     * of a point apart and would otherwise make hairline cells.
     */
    private static List<Ruling> snap(List<Ruling> rulings, boolean horizontal) {
        List<Ruling> kept = new ArrayList<>();
        for (Ruling r : rulings) {
            if (r.length() >= MIN_RULING_LENGTH) kept.add(r);
        }
        kept.sort((a, b) -> Float.compare(a.getPosition(), b.getPosition()));
        List<Ruling> out = new ArrayList<>();
        float anchor = Float.NaN;
        for (Ruling r : kept) {
            float p = r.getPosition();
            if (Float.isNaN(anchor) || p - anchor > TableFragment.EDGE_TOLERANCE) anchor = p;
            Ruling s = horizontal
                    ? new Ruling(new Point2D.Float(r.getStart(), anchor), new Point2D.Float(r.getEnd(), anchor))
                    : new Ruling(new Point2D.Float(anchor, r.getStart()), new Point2D.Float(anchor, r.getEnd()));
            out.add(s);
        }
        return Ruling.collapseOrientedRulings(out);
    }
}

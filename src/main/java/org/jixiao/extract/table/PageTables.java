package org.jixiao.extract.table;

import java.util.ArrayList;
import java.util.List;
import technology.tabula.Page;
import technology.tabula.TextElement;

/**
 * The tables of one page and the lines of text around them. Ruled tables are taken first
 * (lattice); the remaining lines are searched for tables without rulings (stream), so each table
 * is read the way it is drawn.
 */
public final class PageTables {

    /** What a page holds: its tables, and the lines of text outside them, both top to bottom. */
    public record Layout(List<TableFragment> tables, List<TextLine> lines) {
    }

    private final RuledTables ruled = new RuledTables();
    private final UnruledTables unruled = new UnruledTables();

    public Layout read(Page page) {
        List<TableFragment> tables = new ArrayList<>(ruled.find(page));
        List<TextElement> outside = new ArrayList<>();
        for (TextElement g : page.getText()) {
            if (!inside(g, tables)) outside.add(g);
        }
        List<TextLine> lines = new ArrayList<>(TextLines.lines(outside));
        for (UnruledTables.Found f : unruled.find(page, lines)) {
            tables.add(f.table());
            lines.removeAll(f.lines());
        }
        tables.sort((a, b) -> Float.compare(a.top(), b.top()));
        return new Layout(tables, lines);
    }

    private static boolean inside(TextElement g, List<TableFragment> tables) {
        double cx = g.getCenterX();
        double cy = g.getCenterY();
        for (TableFragment t : tables) {
            if (cx > t.left() && cx < t.right() && cy > t.top() && cy < t.bottom()) return true;
        }
        return false;
    }
}

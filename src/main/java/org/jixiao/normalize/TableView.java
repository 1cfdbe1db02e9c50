package org.jixiao.normalize;

import java.util.List;
import org.jixiao.mapping.LabelText;
import org.jixiao.model.Location;
import org.jixiao.model.TableRow;

/**
 * One table as the section readers see it: its rows, and each row's first non-empty cell. The
 * cells are as extracted (merged cells empty after or below the one holding the text).
 */
final class TableView {

    private final List<TableRow> rows;

    TableView(List<TableRow> rows) {
        this.rows = List.copyOf(rows);
    }

    int size() {
        return rows.size();
    }

    TableRow row(int r) {
        return rows.get(r);
    }

    List<String> cells(int r) {
        return rows.get(r).cells();
    }

    String cell(int r, int c) {
        return r >= 0 && r < rows.size() ? rows.get(r).cell(c).strip() : "";
    }

    int width(int r) {
        return rows.get(r).cells().size();
    }

    Location location(int r) {
        return rows.get(r).location();
    }

    /** The location of one cell: the row's place narrowed to the column, with the cell's reading when it was recognised from a scan. */
    Location location(int r, int c) {
        return rows.get(r).cellLocation(c);
    }

    /** Index of the first non-empty cell of the row, or -1. */
    int firstNonEmpty(int r) {
        List<String> cells = cells(r);
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) return i;
        }
        return -1;
    }

    /** Number of non-empty cells of the row. */
    int filled(int r) {
        int n = 0;
        for (String c : cells(r)) {
            if (!c.isBlank()) n++;
        }
        return n;
    }

    /** Index of the next non-empty cell after {@code c}, or -1. */
    int nextNonEmpty(int r, int c) {
        List<String> cells = cells(r);
        for (int i = c + 1; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) return i;
        }
        return -1;
    }

    /** The row's text for matching, all cells joined and normalised. */
    String matchText(int r) {
        return LabelText.normalize(String.join("", cells(r)));
    }
}

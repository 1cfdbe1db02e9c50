package org.jixiao.model;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a table as laid out in the source. Cells merged across columns appear as empty cells
 * after the one holding the text; cells merged down appear empty in the rows below.
 *
 * @param ocr per cell, what the recognition of a scan gave (null for an empty cell); empty when
 *            the row was not read from a scan
 */
public record TableRow(List<String> cells, Location location, List<OcrReading> ocr) implements Serializable {

    public TableRow {
        cells = List.copyOf(cells);
        // List.copyOf refuses nulls, and an empty cell of a scanned row has no reading.
        ocr = ocr == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ocr));
    }

    /** A row not read from a scan. */
    public TableRow(List<String> cells, Location location) {
        this(cells, location, List.of());
    }

    /** Where one cell was read (0-based index): the row's place narrowed to the column, with the cell's own reading of a scan. */
    public Location cellLocation(int i) {
        if (location == null) return null;
        Location at = location.atColumn(i);
        return i >= 0 && i < ocr.size() && ocr.get(i) != null ? at.withOcr(ocr.get(i)) : at;
    }

    public String cell(int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }
}

package org.jixiao.model;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a table as laid out in the source. Cells merged across columns appear as empty cells
 * after the one holding the text; cells merged down appear empty in the rows below.
 */
public record TableRow(List<String> cells, Location location) implements Serializable {

    public TableRow {
        cells = List.copyOf(cells);
    }

    public String cell(int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }
}

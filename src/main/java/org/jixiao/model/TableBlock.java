package org.jixiao.model;

import java.util.List;

/** A table: rows in order, already joined across page breaks where the source continued it. */
public record TableBlock(List<TableRow> rows, Location location) implements Block {

    public TableBlock {
        rows = List.copyOf(rows);
    }
}

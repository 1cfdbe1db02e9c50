package org.jixiao.extract.table;

/**
 * A cell of a table fragment placed on its grid: the top-left position it occupies and how many
 * rows and columns it spans. Row indexes are local to the fragment.
 */
public record GridCell(int row, int rowSpan, int column, int columnSpan, String text) {
}

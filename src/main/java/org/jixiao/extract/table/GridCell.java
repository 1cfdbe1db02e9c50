package org.jixiao.extract.table;

/**
 * A cell of a table fragment placed on its grid: the top-left position it occupies and how many
 * rows and columns it spans. Row indexes are local to the fragment.
 *
 * @param confidence the OCR engine's score for the cell's text (0..1) when the cell was recognised
 *                   from a scan; null when its text came from a text layer, or it holds none
 */
public record GridCell(int row, int rowSpan, int column, int columnSpan, String text, Double confidence) {

    /** A cell read from a text layer. */
    public GridCell(int row, int rowSpan, int column, int columnSpan, String text) {
        this(row, rowSpan, column, columnSpan, text, null);
    }

    /** The same cell at another place of the grid, its text and confidence kept. */
    GridCell movedTo(int newRow, int newColumn, int newColumnSpan) {
        return new GridCell(newRow, rowSpan, newColumn, newColumnSpan, text, confidence);
    }
}

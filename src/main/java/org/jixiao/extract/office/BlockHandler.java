package org.jixiao.extract.office;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jixiao.extract.table.TextLines;
import org.jixiao.extract.text.CellText;
import org.jixiao.model.Block;
import org.jixiao.model.Location;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML events into blocks. Paragraph-like elements outside tables become text
 * blocks; a table becomes a grid where a cell spanning n columns is followed by n-1 empty cells
 * and a cell spanning rows leaves empty cells in the rows below, as in the text form. A table
 * nested in a cell is read as text of that cell.
 */
final class BlockHandler extends DefaultHandler {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "pre", "caption", "title");
    private static final Set<String> BREAKS = Set.of("br");
    private static final Set<String> NESTED_BREAKS = Set.of("br", "td", "th", "tr");

    /** Spans beyond this are taken as typing errors in the source and clamped: no real form merges more. */
    static final int MAX_SPAN = 200;

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private int paragraphs;

    private int tableDepth;
    private List<List<String>> rows;
    private List<String> row;
    /** Per column, how many more rows a cell from above still covers. */
    private List<Integer> coveredBelow;
    private StringBuilder cell;
    private StringBuilder cellLine;
    private int colSpan;
    private int rowSpan;
    private int skipDepth;

    /** Column spans per table from the .docx itself (Tika leaves them out), or empty. */
    private final List<List<List<Integer>>> docxSpans;
    private int tableIndex = -1;
    private List<List<Integer>> spans;
    private int rowIndex;
    private int cellIndex;

    BlockHandler(List<List<List<Integer>>> docxSpans) {
        this.docxSpans = docxSpans;
    }

    List<Block> blocks() {
        flushParagraph();
        return blocks;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.isEmpty() ? qName.toLowerCase(Locale.ROOT) : localName.toLowerCase(Locale.ROOT);
        if (name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth++;
            return;
        }
        if (name.equals("table")) {
            tableDepth++;
            if (tableDepth == 1) {
                flushParagraph();
                rows = new ArrayList<>();
                coveredBelow = new ArrayList<>();
                tableIndex++;
                spans = tableIndex < docxSpans.size() ? docxSpans.get(tableIndex) : null;
                rowIndex = -1;
            }
            return;
        }
        if (tableDepth > 1) {
            // A nested table is text of the outer cell; its cells are lines of that text.
            if (cell != null && (NESTED_BREAKS.contains(name) || PARAGRAPHS.contains(name))) endCellLine();
            return;
        }
        if (tableDepth == 1) {
            switch (name) {
                case "tr" -> startRow();
                case "td", "th" -> {
                    cell = new StringBuilder();
                    cellLine = new StringBuilder();
                    colSpan = atts.getValue("colspan") != null ? span(atts.getValue("colspan")) : docxSpan();
                    rowSpan = span(atts.getValue("rowspan"));
                    cellIndex++;
                }
                default -> {
                    if (cell != null && (PARAGRAPHS.contains(name) || BREAKS.contains(name))) endCellLine();
                }
            }
            return;
        }
        if (tableDepth == 0 && (PARAGRAPHS.contains(name) || BREAKS.contains(name))) flushParagraph();
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName.toLowerCase(Locale.ROOT) : localName.toLowerCase(Locale.ROOT);
        if (name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (name.equals("table")) {
            if (tableDepth == 1) endTable();
            tableDepth = Math.max(0, tableDepth - 1);
            return;
        }
        if (tableDepth > 1) {
            if (cell != null && (NESTED_BREAKS.contains(name) || PARAGRAPHS.contains(name))) endCellLine();
            return;
        }
        if (tableDepth == 1) {
            switch (name) {
                case "tr" -> endRow();
                case "td", "th" -> endCell();
                default -> {
                    if (cell != null && PARAGRAPHS.contains(name)) endCellLine();
                }
            }
            return;
        }
        if (tableDepth == 0 && PARAGRAPHS.contains(name)) flushParagraph();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) return;
        if (tableDepth >= 1) {
            if (cellLine != null) cellLine.append(ch, start, length);
            return;
        }
        paragraph.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void startRow() {
        if (row != null) endRow();
        row = new ArrayList<>();
        rowIndex++;
        cellIndex = -1;
    }

    private int docxSpan() {
        if (spans == null || rowIndex < 0 || rowIndex >= spans.size()) return 1;
        List<Integer> r = spans.get(rowIndex);
        return cellIndex + 1 < r.size() ? r.get(cellIndex + 1) : 1;
    }

    private void endCellLine() {
        if (cellLine == null) return;
        TextLines.join(cell, CellText.clean(cellLine.toString()));
        cellLine.setLength(0);
    }

    private void endCell() {
        if (cell == null) return;
        if (row == null) startRow();
        endCellLine();
        skipCovered();
        int at = row.size();
        row.add(CellText.clean(cell.toString()));
        for (int i = 1; i < colSpan; i++) row.add("");
        for (int c = at; c < at + colSpan; c++) {
            while (coveredBelow.size() <= c) coveredBelow.add(0);
            coveredBelow.set(c, rowSpan - 1);
        }
        cell = null;
        cellLine = null;
    }

    /** Empty cells for the columns that a cell from a row above still covers. */
    private void skipCovered() {
        while (row.size() < coveredBelow.size() && coveredBelow.get(row.size()) > 0) {
            coveredBelow.set(row.size(), coveredBelow.get(row.size()) - 1);
            row.add("");
        }
    }

    private void endRow() {
        if (row == null) return;
        if (cell != null) endCell();
        skipCovered();
        // Columns to the right still covered from above end this row too.
        for (int c = row.size(); c < coveredBelow.size(); c++) {
            if (coveredBelow.get(c) > 0) {
                while (row.size() < c) row.add("");
                coveredBelow.set(c, coveredBelow.get(c) - 1);
                row.add("");
            }
        }
        rows.add(row);
        row = null;
    }

    private void endTable() {
        if (row != null) endRow();
        List<TableRow> tableRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).stream().allMatch(String::isEmpty)) continue;
            tableRows.add(new TableRow(rows.get(r), new Location(null, null, r + 1)));
        }
        if (!tableRows.isEmpty()) blocks.add(new TableBlock(tableRows, tableRows.get(0).location()));
        rows = null;
        coveredBelow = null;
    }

    private void flushParagraph() {
        String text = CellText.clean(paragraph.toString());
        paragraph.setLength(0);
        if (!text.isEmpty()) {
            paragraphs++;
            blocks.add(new TextBlock(text, new Location(null, paragraphs, null)));
        }
    }

    private static int span(String value) {
        if (value == null) return 1;
        try {
            return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

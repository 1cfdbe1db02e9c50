package org.jixiao.model;

import java.io.Serializable;

/**
 * Where in the source something was read: 1-based page (PDF) or line (text, paragraph of an
 * office file), the row and column of a table, and character offsets into the narrative. Any part
 * may be null when the source has no such notion.
 *
 * @param page   1-based page of a PDF
 * @param line   1-based line of a text file, or paragraph of an office file
 * @param row    1-based row of the table the figure was read from
 * @param column 1-based column of that row
 * @param start  character offset of a narrative figure's clause in the prose
 * @param end    end offset (exclusive) of that clause
 * @param ocr    what the recognition of a scan gave at this place; null when read from a text layer
 *               or a file that is not a scan
 */
public record Location(Integer page, Integer line, Integer row, Integer column, Integer start, Integer end,
                       OcrReading ocr) implements Serializable {

    /** A place not read from a scan. */
    public Location(Integer page, Integer line, Integer row, Integer column, Integer start, Integer end) {
        this(page, line, row, column, start, end, null);
    }

    public Location(Integer page, Integer line, Integer row) {
        this(page, line, row, null, null, null);
    }

    /** The same place, read from a scan with this result (null: not from a scan). */
    public Location withOcr(OcrReading reading) {
        return new Location(page, line, row, column, start, end, reading);
    }

    /** True when what stands here was recognised from a scan. */
    public boolean scanned() {
        return ocr != null;
    }

    public static Location line(int line) {
        return new Location(null, line, null);
    }

    public static Location page(int page) {
        return new Location(page, null, null);
    }

    /** The same place narrowed to one cell of its row (0-based index in, 1-based column out); a scan's reading stays. */
    public Location atColumn(int index) {
        return new Location(page, line, row, index + 1, start, end, ocr);
    }

    /** A place in the narrative: character offsets into the prose. */
    public static Location narrative(int start, int end) {
        return new Location(null, null, null, null, start, end);
    }

    /** Human-readable position in Chinese, e.g. "第 3 页 表格第 12 行 第 4 列". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (page != null) sb.append("第 ").append(page).append(" 页");
        if (line != null) sb.append(sb.isEmpty() ? "" : " ").append("第 ").append(line).append(" 行");
        if (row != null) sb.append(sb.isEmpty() ? "" : " ").append("表格第 ").append(row).append(" 行");
        if (column != null) sb.append(sb.isEmpty() ? "" : " ").append("第 ").append(column).append(" 列");
        if (start != null) sb.append(sb.isEmpty() ? "" : " ").append("正文第 ").append(start + 1).append("–")
                .append(end == null ? start + 1 : end).append(" 字");
        return sb.toString();
    }
}

package org.jixiao.model;

/**
 * Where in the source something was read: 1-based page (PDF) or line (text), and the row of a
 * table. Any part may be null when the source has no such notion.
 */
public record Location(Integer page, Integer line, Integer row) {

    public static Location line(int line) {
        return new Location(null, line, null);
    }

    public static Location page(int page) {
        return new Location(page, null, null);
    }

    /** Human-readable position in Chinese, e.g. "第 3 页 第 12 行". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (page != null) sb.append("第 ").append(page).append(" 页");
        if (line != null) sb.append(sb.isEmpty() ? "" : " ").append("第 ").append(line).append(" 行");
        if (row != null) sb.append(sb.isEmpty() ? "" : " ").append("表格第 ").append(row).append(" 行");
        return sb.toString();
    }
}

package org.jixiao.output;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.ReportField;
import org.jixiao.model.Report;

/**
 * One row per finding, for Excel, in Chinese (错误/警告/提示, 执行率 rather than executionRate, the
 * catalogue's title beside the stable code, 未完整读取 for a report read in part): UTF-8 with a byte-order mark (without it Excel reads Chinese
 * as the local code page), CRLF line ends and RFC 4180 quoting.
 */
public final class FindingsCsv {

    public static final String BOM = "\uFEFF";
    public static final List<String> HEADER =
            List.of("文件", "地区", "年度", "项目", "读取", "代码", "问题", "级别", "对象", "应为", "填报", "说明", "位置");

    private final StringBuilder out = new StringBuilder(BOM);
    private int drained;

    public FindingsCsv() {
        row(HEADER);
    }

    public void add(String file, Report report) {
        String read = ReadState.of(report);
        for (Finding f : report.findings()) {
            row(List.of(file, nz(report.region()), report.year() == null ? "" : report.year().toString(),
                    nz(report.project().name()), read, f.code(), FindingCode.titleOf(f.code()), f.severity().title(),
                    ReportField.labelOf(f.subject()), plain(f.expected()), plain(f.reported()), nz(f.message()),
                    f.location() == null ? "" : f.location().describe()));
        }
    }

    /** A file that could not be read gets a row of its own, so nothing disappears from the sheet. */
    public void addUnreadable(String file, String reason) {
        FindingCode code = FindingCode.UNREADABLE_FILE;
        row(List.of(file, "", "", "", "", code.code(), code.title(), code.severity().title(), "", "", "", reason, ""));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** What was added since the last call (the BOM and header first), for printing rows as they come. */
    public String drain() {
        String text = out.substring(drained);
        drained = out.length();
        return text;
    }

    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package org.jixiao.output;

import java.math.BigDecimal;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;

/**
 * The terminal view of {@code check}: one line per report, its findings indented below.
 * Column widths count CJK characters as two cells, as terminals draw them.
 */
public final class TerminalTable {

    private static final int STATUS = 6;
    private static final int FILE = 44;

    private final StringBuilder out = new StringBuilder();
    private int reports;
    private int unreadable;
    private int errors;
    private int warnings;

    public TerminalTable() {
        out.append(pad("状态", STATUS)).append(pad("文件", FILE)).append(pad("类型", 10)).append(pad("年度", 6))
                .append(pad("地区", 10)).append(pad("项目", 30)).append("总分").append('\n');
    }

    public void add(String file, Report report) {
        reports++;
        long e = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long w = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        errors += (int) e;
        warnings += (int) w;
        String status = e > 0 ? "✗" : w > 0 ? "!" : "✓";
        out.append(pad(status, STATUS)).append(pad(tail(file, FILE), FILE))
                .append(pad(report.kind() == null ? "" : kindName(report), 10))
                .append(pad(report.year() == null ? "" : report.year().toString(), 6))
                .append(pad(nz(report.region()), 10))
                .append(pad(nz(report.project().name()), 30))
                .append(plain(report.totalScore())).append('\n');
        for (Finding f : report.findings()) {
            out.append("      ").append(severityName(f.severity())).append(' ').append(f.code())
                    .append(' ').append(nz(f.subject())).append("：").append(nz(f.message())).append('\n');
        }
    }

    public void addUnreadable(String file, String reason) {
        unreadable++;
        out.append(pad("✗", STATUS)).append(pad(tail(file, FILE), FILE)).append("无法读取：").append(reason).append('\n');
    }

    @Override
    public String toString() {
        return out + "\n共 " + (reports + unreadable) + " 个文件：已检查 " + reports + " 份报告，无法读取 " + unreadable
                + " 个；错误 " + errors + " 条，警告 " + warnings + " 条。\n";
    }

    private static String kindName(Report r) {
        return switch (r.kind()) {
            case SELF_EVALUATION -> "自评";
            case TARGET_DECLARATION -> "目标申报";
        };
    }

    private static String severityName(Severity s) {
        return switch (s) {
            case ERROR -> "[错误]";
            case WARNING -> "[警告]";
            case INFO -> "[提示]";
        };
    }

    /** The end of a long path, which is where file names differ. */
    static String tail(String s, int width) {
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int cw = cellWidth(cp);
            if (w + cw > width - 2) return "…" + s.substring(i);
            w += cw;
            i -= Character.charCount(cp);
        }
        return s;
    }

    static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = cellWidth(cp);
            if (w + cw > width - 1) {
                sb.append('…');
                w += 1;
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        while (w < width) {
            sb.append(' ');
            w++;
        }
        return sb.toString();
    }

    static int cellWidth(int cp) {
        return (cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))) ? 2 : 1;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

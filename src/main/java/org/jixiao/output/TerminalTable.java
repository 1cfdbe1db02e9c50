package org.jixiao.output;

import java.math.BigDecimal;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.ReportField;
import org.jixiao.model.Report;
import org.jixiao.model.Severity;

/**
 * The terminal view of {@code check}: one line per report, its findings indented below.
 * Column widths count CJK characters as two cells, as terminals draw them.
 */
public final class TerminalTable {

    /** Room for a status mark and 未完整读取. */
    private static final int STATUS = 14;
    private static final int FILE = 44;

    private final StringBuilder out = new StringBuilder();
    private int reports;
    private int unreadable;
    private int errors;
    private int warnings;
    private int partlyRead;

    public TerminalTable() {
        out.append(TerminalText.pad("状态", STATUS)).append(TerminalText.pad("文件", FILE)).append(TerminalText.pad("类型", 10)).append(TerminalText.pad("年度", 6))
                .append(TerminalText.pad("地区", 10)).append(TerminalText.pad("项目", 30)).append("总分").append('\n');
    }

    public void add(String file, Report report) {
        reports++;
        long e = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long w = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        errors += (int) e;
        warnings += (int) w;
        boolean partly = ReadState.partlyRead(report);
        if (partly) partlyRead++;
        // A report read in part is never shown as clean: its mark says what was found, its words that it is incomplete.
        String status = (e > 0 ? "✗" : w > 0 || partly ? "!" : "✓") + (partly ? " " + ReadState.PARTLY_READ : "");
        out.append(TerminalText.pad(status, STATUS)).append(TerminalText.pad(TerminalText.tail(file, FILE), FILE))
                .append(TerminalText.pad(report.kind() == null ? "" : KindNames.of(report.kind()), 10))
                .append(TerminalText.pad(report.year() == null ? "" : report.year().toString(), 6))
                .append(TerminalText.pad(nz(report.region()), 10))
                .append(TerminalText.pad(nz(report.project().name()), 30))
                .append(plain(report.totalScore())).append('\n');
        for (Finding f : report.findings()) {
            out.append("      [").append(f.severity().title()).append("] ").append(FindingCode.titleOf(f.code()))
                    .append(' ').append(f.code()).append(' ').append(ReportField.labelOf(f.subject())).append("：")
                    .append(nz(f.message()));
            if (f.location() != null && !f.location().describe().isEmpty()) {
                out.append("（").append(f.location().describe()).append("）");
            }
            out.append('\n');
        }
    }

    public void addUnreadable(String file, String reason) {
        unreadable++;
        out.append(TerminalText.pad("✗", STATUS)).append(TerminalText.pad(TerminalText.tail(file, FILE), FILE)).append("无法读取：").append(reason).append('\n');
    }

    @Override
    public String toString() {
        return out + "\n共 " + (reports + unreadable) + " 个文件：已检查 " + reports + " 份报告，无法读取 " + unreadable
                + " 个；错误 " + errors + " 条，警告 " + warnings + " 条"
                + (partlyRead > 0 ? "；" + partlyRead + " 份" + ReadState.PARTLY_READ : "") + "。\n";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

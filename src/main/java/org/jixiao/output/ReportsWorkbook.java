package org.jixiao.output;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Indicator;
import org.jixiao.model.Report;
import org.jixiao.model.ReportField;

/**
 * The Excel workbook a reviewer opens: one sheet of reports (a row each, failed files with their
 * reason), one of findings (the CSV's columns) and one of indicator rows. Money with thousands
 * separators and two decimals, rates as percentages, a bold frozen header, columns wide enough for
 * Chinese text. Streamed (a few rows in memory), so a province's batch fits.
 */
public final class ReportsWorkbook {

    /** Rows kept in memory per sheet before they are flushed to the temporary file. */
    private static final int WINDOW = 200;
    /** Column widths in characters: Chinese characters count about two. */
    private static final int NARROW = 8;
    private static final int MEDIUM = 14;
    private static final int WIDE = 36;

    static final List<String> REPORT_HEADER = List.of("文件", "地区", "年度", "类型", "项目", "主管部门", "读取",
            "错误", "警告", "预算数（万元）", "执行数（万元）", "执行率", "总分", "状态");
    static final List<String> INDICATOR_HEADER = List.of("文件", "地区", "年度", "项目", "一级指标", "二级指标",
            "三级指标", "指标值", "实际完成值", "分值", "得分");

    /**
     * One line of the export.
     *
     * @param file    the file name
     * @param status  the review status or outcome in Chinese (待审, 退回, 通过, 无法读取 …); empty in the CLI
     * @param report  the report; null for a file that could not be read
     * @param failure why it could not be read; null when read
     */
    public record Entry(String file, String status, Report report, String failure) {
    }

    private ReportsWorkbook() {
    }

    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
            Styles styles = new Styles(book);
            Sheet reports = sheet(book, "报告", REPORT_HEADER, styles,
                    new int[] {WIDE, NARROW, NARROW, NARROW, WIDE, MEDIUM, NARROW, NARROW, NARROW, MEDIUM, MEDIUM, NARROW, NARROW, MEDIUM});
            Sheet findings = sheet(book, "问题", FindingsCsv.HEADER, styles,
                    new int[] {WIDE, NARROW, NARROW, WIDE, NARROW, MEDIUM, MEDIUM, NARROW, MEDIUM, MEDIUM, MEDIUM, WIDE * 2, MEDIUM});
            Sheet indicators = sheet(book, "指标", INDICATOR_HEADER, styles,
                    new int[] {WIDE, NARROW, NARROW, WIDE, MEDIUM, MEDIUM, WIDE, MEDIUM, MEDIUM, NARROW, NARROW});
            for (Entry e : entries) {
                Report r = e.report();
                if (r == null) {
                    Row row = next(reports);
                    text(row, 0, e.file());
                    text(row, 13, e.status() == null || e.status().isEmpty() ? "无法读取：" + e.failure() : e.status() + "：" + e.failure());
                    FindingCode code = FindingCode.UNREADABLE_FILE;
                    Row f = next(findings);
                    text(f, 0, e.file());
                    text(f, 5, code.code());
                    text(f, 6, code.title());
                    text(f, 7, code.severity().title());
                    text(f, 11, e.failure());
                    continue;
                }
                String region = r.region();
                String year = r.year() == null ? null : r.year().toString();
                Row row = next(reports);
                text(row, 0, e.file());
                text(row, 1, region);
                text(row, 2, year);
                text(row, 3, KindNames.of(r.kind()));
                text(row, 4, r.project().name());
                text(row, 5, r.project().department());
                text(row, 6, ReadState.of(r));
                count(row, 7, r.findings().stream().filter(f -> f.severity() == org.jixiao.model.Severity.ERROR).count());
                count(row, 8, r.findings().stream().filter(f -> f.severity() == org.jixiao.model.Severity.WARNING).count());
                BigDecimal budget = r.funds().adjustedBudget() != null ? r.funds().adjustedBudget() : r.funds().initialBudget();
                number(row, 9, budget, styles.money);
                number(row, 10, r.funds().executed(), styles.money);
                number(row, 11, r.funds().executionRate(), styles.percent);
                number(row, 12, r.totalScore(), styles.decimal);
                text(row, 13, e.status());
                for (Finding f : r.findings()) {
                    Row fr = next(findings);
                    text(fr, 0, e.file());
                    text(fr, 1, region);
                    text(fr, 2, year);
                    text(fr, 3, r.project().name());
                    text(fr, 4, ReadState.of(r));
                    text(fr, 5, f.code());
                    text(fr, 6, FindingCode.titleOf(f.code()));
                    text(fr, 7, f.severity().title());
                    text(fr, 8, ReportField.labelOf(f.subject()));
                    CellStyle style = f.subject() != null && f.subject().endsWith("Rate") ? styles.percent : styles.decimal;
                    number(fr, 9, f.expected(), style);
                    number(fr, 10, f.reported(), style);
                    text(fr, 11, f.message());
                    text(fr, 12, f.location() == null ? null : f.location().describe());
                }
                for (Indicator i : r.indicators()) {
                    Row ir = next(indicators);
                    text(ir, 0, e.file());
                    text(ir, 1, region);
                    text(ir, 2, year);
                    text(ir, 3, r.project().name());
                    text(ir, 4, i.level1());
                    text(ir, 5, i.level2());
                    text(ir, 6, i.name());
                    text(ir, 7, i.target());
                    text(ir, 8, i.actual());
                    number(ir, 9, i.weight(), styles.decimal);
                    number(ir, 10, i.score(), styles.decimal);
                }
            }
            book.write(out);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle percent;
        final CellStyle decimal;

        Styles(SXSSFWorkbook book) {
            header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            // Excel's own percent format: the cell holds the fraction (91.81 % as 0.9181), see number().
            percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.##"));
        }
    }

    private static Sheet sheet(SXSSFWorkbook book, String name, List<String> header, Styles styles, int[] widths) {
        SXSSFSheet sheet = book.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            row.createCell(i).setCellValue(header.get(i));
            row.getCell(i).setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static Row next(Sheet sheet) {
        return sheet.createRow(sheet.getLastRowNum() + 1);
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) row.createCell(column).setCellValue(value);
    }

    private static void count(Row row, int column, long value) {
        row.createCell(column).setCellValue(value);
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) return;
        var cell = row.createCell(column);
        // The report's rates are in percent (91.81); Excel's percent format wants the fraction.
        BigDecimal shown = style.getDataFormatString().endsWith("%") ? value.movePointLeft(2) : value;
        // Excel stores doubles: the export is for reading and sorting; the figures of record stay BigDecimal in the JSON.
        cell.setCellValue(shown.doubleValue());
        cell.setCellStyle(style);
    }
}

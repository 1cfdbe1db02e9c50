package org.jixiao.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/** The Excel export opened with the library, as Excel would: sheets, header, formats, frozen row, every report. */
class ReportsWorkbookTest {

    @Test
    void theWorkbookHoldsEveryReportItsFindingsAndIndicatorsFormatted() throws Exception {
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        Report qingdao = pipeline.process(Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportsWorkbook.write(List.of(
                new ReportsWorkbook.Entry("青岛.txt", "退回", qingdao, null),
                new ReportsWorkbook.Entry("扫描件.pdf", "无法读取", null, "PDF 是扫描件或图片，没有文字层")), bytes);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(List.of("报告", "问题", "指标"), List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)));
            DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
            Sheet reports = book.getSheet("报告");
            assertEquals(ReportsWorkbook.REPORT_HEADER, cells(reports.getRow(0), shown));
            assertTrue(book.getFontAt(reports.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold(), "a bold header");
            assertEquals(1, reports.getPaneInformation().getHorizontalSplitPosition(), "the header row is frozen");
            Row q = reports.getRow(1);
            assertEquals("青岛.txt", q.getCell(0).getStringCellValue());
            assertEquals(qingdao.region(), q.getCell(1).getStringCellValue());
            Cell rate = q.getCell(11);
            assertEquals(qingdao.funds().executionRate().movePointLeft(2).doubleValue(), rate.getNumericCellValue(), 1e-12);
            assertEquals(qingdao.funds().executionRate().setScale(2) + "%", shown.formatCellValue(rate), "a rate shows as a percentage");
            Cell executed = q.getCell(10);
            assertTrue(shown.formatCellValue(executed).matches("[\\d,]+\\.\\d{2}"), "money with separators and two decimals: "
                    + shown.formatCellValue(executed));
            assertEquals("退回", q.getCell(13).getStringCellValue());
            assertEquals("无法读取：PDF 是扫描件或图片，没有文字层", reports.getRow(2).getCell(13).getStringCellValue());

            Sheet findings = book.getSheet("问题");
            assertEquals(FindingsCsv.HEADER, cells(findings.getRow(0), shown));
            assertEquals(qingdao.findings().size() + 1, findings.getLastRowNum(), "every finding, and a row for the unreadable file");
            assertEquals(qingdao.findings().get(0).code(), findings.getRow(1).getCell(5).getStringCellValue());
            assertEquals("UNREADABLE_FILE", findings.getRow(findings.getLastRowNum()).getCell(5).getStringCellValue());

            Sheet indicators = book.getSheet("指标");
            assertEquals(qingdao.indicators().size(), indicators.getLastRowNum());
            assertEquals(qingdao.indicators().get(0).name(), indicators.getRow(1).getCell(6).getStringCellValue());
        }
    }

    private static List<String> cells(Row row, DataFormatter shown) {
        List<String> out = new java.util.ArrayList<>();
        for (Cell c : row) out.add(shown.formatCellValue(c));
        return out;
    }
}

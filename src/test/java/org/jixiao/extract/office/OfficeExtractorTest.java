package org.jixiao.extract.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.extract.pdf.PdfExtractor;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;
import org.junit.jupiter.api.Test;

/**
 * The Ministry self-evaluation form of the corpus as HTML (its source), as .docx (Writer's Word
 * export) and as .xlsx (Calc's Excel export): read into the same table the PDF gives.
 */
class OfficeExtractorTest {

    static final Path SRC = Path.of("corpus/pdf-src");
    private final FileIngestor ingest = new FileIngestor();
    private final OfficeExtractor office = new OfficeExtractor();

    private ExtractedDocument read(Path file) {
        return office.apply(ingest.apply(file));
    }

    static List<List<String>> firstTable(ExtractedDocument doc) {
        for (Block b : doc.blocks()) {
            if (b instanceof TableBlock t) return t.rows().stream().map(TableRow::cells).toList();
        }
        throw new AssertionError("no table in " + doc.source().fileName());
    }

    @Test
    void htmlColspanAndRowspanBecomeEmptyCellsAsInTheTextForm() {
        ExtractedDocument doc = read(SRC.resolve("html/mof-water.html"));
        assertEquals("text/html", doc.source().mediaType());
        assertEquals("项目支出绩效自评表", ((TextBlock) doc.blocks().get(0)).text());
        List<List<String>> rows = firstTable(doc);
        // 项目名称 spans two columns, its value eight: ten columns in all.
        assertEquals(List.of("项目名称", "", "农村饮水安全巩固提升工程", "", "", "", "", "", "", ""), rows.get(0));
        // 项目资金（万元） spans two columns and five rows: the rows below start with two empty cells.
        assertEquals(List.of("项目资金（万元）", "", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), rows.get(2));
        assertEquals(List.of("", "", "年度资金总额", "", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"), rows.get(3));
        // 产出指标 merged over five indicator rows: only the first carries it.
        assertEquals("产出指标", rows.get(10).get(1));
        assertEquals("数量指标", rows.get(10).get(2));
        assertEquals(List.of("", "", "", "改造水厂数量", "≥6座", "6座", "10", "10", "", ""), rows.get(11));
        assertEquals("总分", rows.get(18).get(0));
        assertEquals("97.5", rows.get(18).get(7));
    }

    @Test
    void docxAndHtmlAndTheirPdfsGiveTheSameTable() {
        List<List<String>> html = firstTable(read(SRC.resolve("html/mof-water.html")));
        List<List<String>> docx = firstTable(read(SRC.resolve("office/docx-water.docx")));
        assertEquals(html, docx, "w:gridSpan and w:vMerge read as colspan and rowspan");
        PdfExtractor pdf = new PdfExtractor();
        List<List<String>> writerPdf = firstTable(pdf.apply(ingest.apply(Path.of("corpus/pdf-mof-water/pdf-mof-water.pdf"))));
        List<List<String>> wordRoutePdf = firstTable(pdf.apply(ingest.apply(Path.of("corpus/pdf-docx-water/pdf-docx-water.pdf"))));
        assertEquals(html, writerPdf);
        assertEquals(html, wordRoutePdf);
    }

    @Test
    void xlsxMergedAreasAreEmptyCellsAndHeadersAreLeftOut() {
        ExtractedDocument doc = read(SRC.resolve("office/mof-water.xlsx"));
        List<List<String>> rows = firstTable(doc);
        assertEquals(List.of("项目支出绩效自评表"), rows.get(0));
        List<String> total = rows.stream().filter(r -> r.contains("年度资金总额")).findFirst().orElseThrow();
        assertEquals(List.of("", "", "年度资金总额", "", "500", "480", "456", "10", "95.00%", "9.5"), total);
        List<String> second = rows.stream().filter(r -> r.contains("改造水厂数量")).findFirst().orElseThrow();
        assertEquals("", second.get(1), "the merged 一级指标 cell is empty below its first row");
        for (Block b : doc.blocks()) {
            if (b instanceof TextBlock t) assertFalse(t.text().contains("&P"), "page header/footer codes are not content: " + t.text());
        }
    }

    @Test
    void nestedAndUnevenHtmlTablesKeepTheirColumns() {
        String html = "<html><body><p>前言</p><table>"
                + "<tr><td rowspan=\"2\">甲</td><td colspan=\"2\">乙</td><td>丙</td></tr>"
                + "<tr><td>1</td><td>2</td><td>3</td></tr>"
                + "<tr><td>丁</td><td><table><tr><td>内</td><td>表</td></tr></table></td></tr>"
                + "</table><p>后记</p></body></html>";
        ExtractedDocument doc = office.apply(ingest.ingest(null, "t.html", html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("前言", ((TextBlock) doc.blocks().get(0)).text());
        List<List<String>> rows = firstTable(doc);
        assertEquals(List.of("甲", "乙", "", "丙"), rows.get(0));
        assertEquals(List.of("", "1", "2", "3"), rows.get(1));
        assertEquals(List.of("丁", "内表"), rows.get(2));
        assertEquals("后记", ((TextBlock) doc.blocks().get(2)).text());
    }

    @Test
    void aDamagedDocxIsRefusedInChinese() {
        byte[] broken = "PK\u0003\u0004 this is no zip".getBytes(StandardCharsets.ISO_8859_1);
        var source = new org.jixiao.model.SourceDocument(null, "坏.docx", broken, "0".repeat(64),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> office.apply(source));
        assertTrue(e.reason().contains("损坏"), e.reason());
    }
}

package org.jixiao.extract.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.jixiao.extract.pdf.PdfExtractor;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.junit.jupiter.api.Test;

/**
 * Tables read from the corpus PDFs: merged cells rebuilt from the ruled grid, the lattice or
 * stream method chosen per table, tables continued across pages joined.
 */
class TableExtractorTest {

    static final Path CORPUS = Path.of("corpus");

    private static List<PageTables.Layout> layouts(String name) throws IOException {
        List<PageTables.Layout> out = new ArrayList<>();
        try (PDDocument doc = PDDocument.load(new File(CORPUS.resolve(name).resolve(name + ".pdf").toString()))) {
            PageReader reader = new PageReader(doc);
            PageTables tables = new PageTables();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) out.add(tables.read(reader.read(p).page()));
        }
        return out;
    }

    private static List<List<List<String>>> tableBlocks(String name) {
        ExtractedDocument doc = new PdfExtractor().apply(new FileIngestor().apply(CORPUS.resolve(name).resolve(name + ".pdf")));
        List<List<List<String>>> out = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof TableBlock t) out.add(t.rows().stream().map(TableRow::cells).toList());
        }
        return out;
    }

    @Test
    void mergedCellsOfARuledTableAreRebuiltAsInTheTextForm() throws IOException {
        List<PageTables.Layout> pages = layouts("pdf-mof-water");
        assertEquals(1, pages.get(0).tables().size());
        TableFragment t = pages.get(0).tables().get(0);
        assertEquals("lattice", t.method());
        assertEquals(10, t.columnCount(), "the union of all cell edges gives the ten columns of the source table");
        List<List<String>> rows = t.rows();
        // 主管部门 (2 columns) | value (3) | 实施单位 (2) | value (3)
        assertEquals(List.of("主管部门", "", "浙江省水利厅", "", "", "实施单位", "", "浙江省农村水利管理中心", "", ""), rows.get(1));
        // 项目资金（万元） spans 2 columns and 5 rows; 年度资金总额 spans 2 columns.
        assertEquals("项目资金（万元）", rows.get(2).get(0));
        for (int r = 3; r <= 6; r++) {
            assertEquals("", rows.get(r).get(0));
            assertEquals("", rows.get(r).get(1));
        }
        assertEquals(List.of("", "", "年度资金总额", "", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"), rows.get(3));
        // 产出指标 is merged over five rows, 数量指标 over two: text in the first row only.
        assertEquals(List.of("", "产出指标", "数量指标", "新建供水管网长度", "≥120公里", "126公里", "10", "10", "", ""), rows.get(10));
        assertEquals(List.of("", "", "", "改造水厂数量", "≥6座", "6座", "10", "10", "", ""), rows.get(11));
        assertEquals(List.of("", "", "质量指标", "水质达标率", "≥95%", "97.2%", "10", "10", "", ""), rows.get(12));
    }

    @Test
    void aCellOfSeveralLinesStaysOneCellWithoutSpacesInChinese() throws IOException {
        List<List<String>> rows = layouts("pdf-mof-water").get(0).tables().get(0).rows();
        // In the PDF these wrap inside narrow cells ("新建供水管网" / "长度", "偏差原因分析及改进措" / "施").
        assertEquals("偏差原因分析及改进措施", rows.get(9).get(8));
        assertEquals("新建供水管网长度", rows.get(10).get(3));
        assertEquals("新建和改造农村供水管网，提升水厂处理能力，使农村集中供水水质稳定达标。", rows.get(8).get(1));
    }

    @Test
    void tablesWithoutRulingsAreReadByTextAlignmentAndRuledOnesByTheirGrid() throws IOException {
        PageTables.Layout stream = layouts("pdf-stream-seed").get(0);
        assertEquals(List.of("stream", "stream"), stream.tables().stream().map(TableFragment::method).toList());
        List<List<String>> funds = stream.tables().get(0).rows();
        assertEquals(List.of("资金项目", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"), funds.get(0));
        assertEquals(List.of("本年财政拨款", "300.00", "300.00", "285.00", "", ""), funds.get(2));
        List<List<String>> indicators = stream.tables().get(1).rows();
        assertEquals(List.of("满意度指标", "服务对象满意度指标", "繁种户满意度", "≥90%", "93%", "20", "20"), indicators.get(5));
        assertTrue(stream.lines().stream().anyMatch(l -> l.text().equals("总分：98.5")), "prose after the table stays prose");
        assertTrue(stream.lines().stream().noneMatch(l -> l.text().contains("良种繁育面积")), "table rows are not prose");

        // The Hubei form: a ruled table with prose above it, each read its own way.
        PageTables.Layout hubei = layouts("pdf-hubei-archive").get(0);
        assertFalse(hubei.tables().isEmpty());
        assertTrue(hubei.tables().stream().allMatch(t -> t.method().equals("lattice")));
        assertTrue(hubei.lines().stream().anyMatch(l -> l.text().startsWith("一、自评结论")));
    }

    @Test
    void aTableContinuedOnTheNextPageIsOneTableWithOrWithoutRepeatedHeader() {
        // LibreOffice Writer: one table across the break, no header repeated.
        List<List<List<String>>> toilet = tableBlocks("pdf-mof-toilet-crosspage");
        assertEquals(1, toilet.size(), "one table, not one per page");
        List<List<String>> rows = toilet.get(0);
        assertEquals("总分", rows.get(rows.size() - 1).get(0));
        long indicatorRows = rows.stream().filter(r -> r.get(4).matches("[≥≤=].*|12月底前|建立")).count();
        assertEquals(22, indicatorRows, "all 22 indicators of the source, none split into two rows");

        // Chromium: the indicator table's <thead> is printed again on page 2 and stays in as a row.
        List<List<List<String>>> elder = tableBlocks("pdf-mof-elder-crosspage");
        assertEquals(2, elder.size(), "the header table and the indicator table");
        List<List<String>> indicators = elder.get(1);
        assertEquals(2, indicators.stream().filter(r -> r.get(0).equals("一级指标")).count());
        assertEquals("产出指标", indicators.get(1).get(0), "a 一级 cell merged across the page break keeps its text");
        assertEquals("总分", indicators.get(indicators.size() - 1).get(0));
    }

    @Test
    void aTableWithoutOuterSideBordersKeepsItsFirstAndLastColumns() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            String[][] cells = {{"Item", "Budget", "Spent"}, {"Total", "300.00", "285.00"}, {"Grants", "280.00", "270.00"}};
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                for (int r = 0; r <= cells.length; r++) {
                    s.moveTo(60, 760 - 20 * r);
                    s.lineTo(480, 760 - 20 * r);
                }
                for (float x : new float[] {200, 340}) {
                    s.moveTo(x, 760);
                    s.lineTo(x, 760 - 20 * cells.length);
                }
                s.stroke();
                for (int r = 0; r < cells.length; r++) {
                    for (int c = 0; c < 3; c++) {
                        s.beginText();
                        s.setFont(PDType1Font.HELVETICA, 10);
                        s.newLineAtOffset(70 + 140 * c, 746 - 20 * r);
                        s.showText(cells[r][c]);
                        s.endText();
                    }
                }
            }
            PageTables.Layout layout = new PageTables().read(new PageReader(doc).read(1).page());
            assertEquals(1, layout.tables().size());
            assertEquals("lattice", layout.tables().get(0).method());
            assertEquals(List.of(List.of("Item", "Budget", "Spent"), List.of("Total", "300.00", "285.00"),
                    List.of("Grants", "280.00", "270.00")), layout.tables().get(0).rows());
            assertTrue(layout.lines().isEmpty());
        }
    }

    @Test
    void framedBoxesInOneColumnAreProseNotATable() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.addRect(60, 640, 400, 120);
                s.moveTo(60, 700);
                s.lineTo(460, 700);
                s.stroke();
                for (float[] at : new float[][] {{70, 730}, {70, 670}}) {
                    s.beginText();
                    s.setFont(PDType1Font.HELVETICA, 11);
                    s.newLineAtOffset(at[0], at[1]);
                    s.showText(at[1] > 700 ? "Notes on the form" : "Fill in every field in ten thousand yuan");
                    s.endText();
                }
            }
            PageTables.Layout layout = new PageTables().read(new PageReader(doc).read(1).page());
            assertTrue(layout.tables().isEmpty(), "a one-column frame is not a table");
            assertEquals(List.of("Notes on the form", "Fill in every field in ten thousand yuan"),
                    layout.lines().stream().map(TextLine::text).toList());
        }
    }

    @Test
    void aRowCutByThePageBreakIsJoinedBackIntoOneRow() {
        List<Float> edges = List.of(0f, 50f, 100f, 150f);
        TableFragment first = new TableFragment(1, "lattice", 700, 800, edges, 2,
                List.of(new GridCell(0, 1, 0, 1, "数量指标"), new GridCell(0, 1, 1, 1, "改造农户厕所数"), new GridCell(0, 1, 2, 1, "≥300户"),
                        new GridCell(1, 1, 0, 1, ""), new GridCell(1, 1, 1, 1, "改厕验收"), new GridCell(1, 1, 2, 1, "≥95%")),
                List.of(1, 1));
        TableFragment next = new TableFragment(2, "lattice", 50, 120, edges, 2,
                List.of(new GridCell(0, 1, 1, 1, "合格率"), new GridCell(1, 1, 0, 1, ""),
                        new GridCell(1, 1, 1, 1, "完成时间"), new GridCell(1, 1, 2, 1, "12月底前")),
                List.of(2, 2));
        assertTrue(first.continuedBy(next));
        TableFragment joined = first.append(next);
        assertEquals(3, joined.rowCount());
        assertEquals(List.of("", "改厕验收合格率", "≥95%"), joined.rows().get(1));
        assertEquals(List.of("", "完成时间", "12月底前"), joined.rows().get(2));
        assertEquals(List.of(1, 1, 2), joined.rowPages());
    }

    @Test
    void onlyTablesOfTheSameColumnsContinueEachOther() {
        TableFragment wide = new TableFragment(1, "lattice", 0, 10, List.of(0f, 100f, 200f, 300f), 1,
                List.of(new GridCell(0, 1, 0, 3, "标题")), List.of(1));
        TableFragment finer = new TableFragment(2, "lattice", 0, 10, List.of(0f, 50f, 100f, 200f, 300f), 1,
                List.of(new GridCell(0, 1, 0, 1, "甲"), new GridCell(0, 1, 1, 1, "乙"), new GridCell(0, 1, 2, 2, "丙")), List.of(2));
        TableFragment other = new TableFragment(2, "lattice", 0, 10, List.of(0f, 80f, 300f), 1,
                List.of(new GridCell(0, 1, 0, 1, "甲")), List.of(2));
        TableFragment narrower = new TableFragment(2, "lattice", 0, 10, List.of(0f, 100f, 250f), 1,
                List.of(new GridCell(0, 1, 0, 1, "甲")), List.of(2));
        assertTrue(wide.continuedBy(finer), "a continuation that splits a column still continues");
        assertFalse(wide.continuedBy(other), "a column edge the first table does not have");
        assertFalse(wide.continuedBy(narrower), "a different right edge");
        TableFragment joined = wide.append(finer);
        assertEquals(4, joined.columnCount());
        assertEquals(List.of("标题", "", "", ""), joined.rows().get(0), "the merged title now spans four columns");
        assertEquals(List.of("甲", "乙", "丙", ""), joined.rows().get(1));
    }
}

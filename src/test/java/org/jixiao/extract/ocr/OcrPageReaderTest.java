package org.jixiao.extract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placing recognised boxes: cells, boxes read across a ruling, and the engine's known misreadings. */
class OcrPageReaderTest {

    /** Two columns 0–300 and 300–600, two rows 0–100 and 100–200. */
    private static final GridFinder.Grid GRID = new GridFinder.Grid(List.of(0, 300, 600), List.of(0, 100, 200), List.of(
            new GridFinder.Cell(0, 1, 0, 1), new GridFinder.Cell(0, 1, 1, 1),
            new GridFinder.Cell(1, 1, 0, 1), new GridFinder.Cell(1, 1, 1, 1)));

    @Test
    void aBoxReadAcrossARulingIsCutAtIt() {
        // 年度资金总额 (6 Chinese characters, 12 units) then 500.00 (6 units): the ruling at 300 is two thirds in.
        RecognizedText across = new RecognizedText("年度资金总额500.00", 20, 20, 470, 60, 0.9);
        List<RecognizedText> parts = OcrPageReader.splitAtCells(across, GRID);
        assertEquals(List.of("年度资金总额", "500.00"), parts.stream().map(RecognizedText::text).toList());
    }

    @Test
    void figuresInSeparateColumnsOfAMergedCellAreSplitAgain() {
        // The ruling at 300 was lost under a seal: one cell over both columns holds two figures.
        GridFinder.Grid lost = new GridFinder.Grid(List.of(0, 300, 600), List.of(0, 100), List.of(new GridFinder.Cell(0, 1, 0, 2)));
        List<RecognizedText> figures = List.of(new RecognizedText("500.00", 100, 20, 200, 60, 0.9),
                new RecognizedText("480.00", 400, 20, 500, 60, 0.9));
        OcrPage page = OcrPageReader.layout(figures, List.of(lost), 200, 1, 1000, 0, 0);
        assertEquals(List.of(List.of("500.00", "480.00")), page.tables().get(0).rows());
        // A merged header of one text stays one cell.
        OcrPage header = OcrPageReader.layout(List.of(new RecognizedText("项目资金 (万元)", 200, 20, 400, 60, 0.9)), List.of(lost), 200, 1, 1000, 0, 0);
        assertEquals(List.of(List.of("项目资金 (万元)", "")), header.tables().get(0).rows());
    }

    @Test
    void aGridRuledByColumnsOnlyIsCutIntoRowsAtItsTextLines() {
        GridFinder.Grid columnsOnly = new GridFinder.Grid(List.of(0, 300, 600), List.of(0, 400),
                List.of(new GridFinder.Cell(0, 1, 0, 1), new GridFinder.Cell(0, 1, 1, 1)));
        List<RecognizedText> records = List.of(
                new RecognizedText("心电图机采购", 10, 20, 200, 50, 0.9), new RecognizedText("94.50", 350, 22, 450, 50, 0.9),
                new RecognizedText("生化分析仪采购", 10, 120, 220, 150, 0.9), new RecognizedText("144.00", 350, 121, 460, 150, 0.9),
                new RecognizedText("操作人员培训", 10, 220, 200, 250, 0.9), new RecognizedText("12.00", 350, 222, 440, 250, 0.9));
        OcrPage page = OcrPageReader.layout(records, List.of(columnsOnly), 200, 1, 1000, 0, 0);
        assertEquals(List.of(List.of("心电图机采购", "94.50"), List.of("生化分析仪采购", "144.00"), List.of("操作人员培训", "12.00")),
                page.tables().get(0).rows());
        // One cell's wrapped paragraph is one row still.
        List<RecognizedText> paragraph = List.of(new RecognizedText("项目概况", 10, 20, 200, 50, 0.9),
                new RecognizedText("为全市社区卫生服务中心更新设备，", 310, 20, 590, 50, 0.9),
                new RecognizedText("改善基层医疗机构诊疗条件。", 310, 120, 560, 150, 0.9),
                new RecognizedText("年内完成设备采购。", 310, 220, 560, 250, 0.9));
        assertEquals(List.of(List.of("项目概况", "为全市社区卫生服务中心更新设备，改善基层医疗机构诊疗条件。年内完成设备采购。")),
                OcrPageReader.layout(paragraph, List.of(columnsOnly), 200, 1, 1000, 0, 0).tables().get(0).rows());
    }

    /** Reads the drawn labels from where they were drawn; of the montage of cells read again, the box round its ink. */
    private static final class MissingLoneFigures implements TextRecognizer {
        final List<RecognizedText> labels;
        int uprightCalls;

        MissingLoneFigures(List<RecognizedText> labels) {
            this.labels = labels;
        }

        @Override
        public Recognition recognize(BufferedImage image) {
            return new Recognition(labels, false);
        }

        @Override
        public Recognition recognizeUpright(BufferedImage image) {
            uprightCalls++;
            int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xff) >= 128) continue;
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
            return new Recognition(right < 0 ? List.of() : List.of(new RecognizedText("4", left, top, right, bottom, 0.97)), false);
        }
    }

    @Test
    void aLoneFigureTheDetectorMissedIsReadFromItsCellAlone() {
        BufferedImage img = new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 600);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        for (int y : new int[] {100, 250, 400}) g.drawLine(100, y, 900, y);
        for (int x : new int[] {100, 500, 900}) g.drawLine(x, 100, x, 400);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("4", 690, 335);
        g.dispose();
        // The labels the engine read (only their boxes matter: nothing is drawn for them).
        MissingLoneFigures engine = new MissingLoneFigures(List.of(new RecognizedText("三级指标", 150, 160, 300, 190, 0.99),
                new RecognizedText("分值", 650, 160, 720, 190, 0.99), new RecognizedText("改造水厂数量", 150, 310, 330, 340, 0.99)));
        OcrPage page = new OcrPageReader(engine).read(img, 200, 1);
        assertEquals(1, engine.uprightCalls);
        assertEquals(List.of(List.of("三级指标", "分值"), List.of("改造水厂数量", "4")), page.tables().get(0).rows());
        assertEquals(0.97, page.tables().get(0).confidences().get(1).get(1), 1e-9);
        // Nothing missed, nothing read again.
        MissingLoneFigures all = new MissingLoneFigures(List.of(new RecognizedText("三级指标", 150, 160, 300, 190, 0.99),
                new RecognizedText("分值", 650, 160, 720, 190, 0.99), new RecognizedText("改造水厂数量", 150, 310, 330, 340, 0.99),
                new RecognizedText("4", 688, 312, 706, 338, 0.9)));
        new OcrPageReader(all).read(img, 200, 1);
        assertEquals(0, all.uprightCalls);
    }

    @Test
    void aCellOfTwoLinesIsOneText() {
        assertEquals("一级指标", OcrPageReader.cellText(List.of(
                new RecognizedText("标", 10, 150, 40, 180, 0.9), new RecognizedText("一级指", 10, 110, 100, 140, 0.9))));
    }

    @Test
    void theEnginesKnownMisreadingsArePutRight() {
        assertEquals("一级指标", OcrPageReader.corrected("-级指标"));
        assertEquals("2023-12", OcrPageReader.corrected("2023-12"));
        assertEquals("≥12台", OcrPageReader.corrected("≥12 台"));
        assertEquals("150人次 and 2 x", OcrPageReader.corrected("150 人次 and 2 x"));
        assertEquals("—", OcrPageReader.cellText(List.of(new RecognizedText("一", 10, 10, 30, 30, 0.9))));
        assertEquals("完成管网建设", OcrPageReader.cellText(List.of(new RecognizedText("」完成管网建设", 10, 10, 200, 30, 0.9))));
    }
}

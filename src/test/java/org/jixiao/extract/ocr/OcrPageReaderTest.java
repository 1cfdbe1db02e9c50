package org.jixiao.extract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aCellOfTwoLinesIsOneText() {
        assertEquals("一级指标", OcrPageReader.cellText(List.of(
                new RecognizedText("标", 10, 150, 40, 180, 0.9), new RecognizedText("一级指", 10, 110, 100, 140, 0.9))));
    }

    @Test
    void theEnginesKnownMisreadingsArePutRight() {
        assertEquals("一级指标", OcrPageReader.corrected("-级指标"));
        assertEquals("2023-12", OcrPageReader.corrected("2023-12"));
        assertEquals("—", OcrPageReader.cellText(List.of(new RecognizedText("一", 10, 10, 30, 30, 0.9))));
        assertEquals("完成管网建设", OcrPageReader.cellText(List.of(new RecognizedText("」完成管网建设", 10, 10, 200, 30, 0.9))));
    }
}

package org.jixiao.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jixiao.extract.ocr.OcrMode;
import org.jixiao.extract.ocr.OcrProcess;
import org.jixiao.extract.ocr.RecognizedText;
import org.jixiao.extract.ocr.TextRecognizer;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Finding;
import org.jixiao.model.Location;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;
import org.junit.jupiter.api.Test;

/**
 * Which pages go through OCR and what comes of them: a scan is read into the same blocks as the
 * born-digital original, a text layer is never recognised in {@code auto}, a garbled page is, and
 * a page recognised with too little confidence is left out with a finding.
 */
class PdfOcrTest {

    private static final Path CORPUS = PdfExtractorTest.CORPUS;
    private final FileIngestor ingest = new FileIngestor();

    /** Counts the pages it is asked to read; answers with the boxes it was given. */
    private static final class Counting implements TextRecognizer {
        final List<Integer> widths = new ArrayList<>();
        private final List<RecognizedText> answer;

        Counting(List<RecognizedText> answer) {
            this.answer = answer;
        }

        @Override
        public Recognition recognize(BufferedImage image) {
            widths.add(image.getWidth());
            return new Recognition(answer, false);
        }
    }

    private ExtractedDocument read(PdfExtractor extractor, Path pdf) {
        return extractor.apply(ingest.apply(pdf));
    }

    private static List<List<String>> rows(ExtractedDocument doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof TableBlock t) t.rows().forEach(r -> rows.add(r.cells()));
        }
        return rows;
    }

    @Test
    void aScanIsReadIntoTheTablesOfItsBornDigitalOriginal() {
        PdfExtractor ocr = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.AUTO, new OcrProcess());
        ExtractedDocument scan = read(ocr, CORPUS.resolve("pdf-scan-image-only/pdf-scan-image-only.pdf"));
        ExtractedDocument original = read(ocr, CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf"));
        List<List<String>> scanned = rows(scan);
        List<List<String>> printed = rows(original);
        assertEquals(printed.size(), scanned.size(), String.join("\n", scanned.stream().map(Object::toString).toList()));
        int cells = 0;
        int same = 0;
        for (int r = 0; r < printed.size(); r++) {
            for (int c = 0; c < printed.get(r).size(); c++) {
                String want = printed.get(r).get(c);
                if (want.isEmpty() || want.equals("—")) continue;
                cells++;
                if (want.replace('（', '(').replace('）', ')').equals(scanned.get(r).get(c).replace(" ", ""))) same++;
            }
        }
        // Every figure and label cell of the funds and indicator tables, a few punctuation marks aside.
        assertTrue(same >= 0.95 * cells, same + " of " + cells + " cells\n" + scanned);
        assertEquals(List.of("", "", "年度资金总额", "", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"), scanned.get(3));
        Finding f = scan.problems().get(0);
        assertEquals("OCR_PAGE", f.code());
        assertEquals(1, f.location().page());
        assertTrue(f.message().contains("第 1 页") && f.message().contains("OCR") && f.message().contains("置信度"), f.message());
    }

    @Test
    void aTextLayerIsNeverRecognisedInAuto() throws IOException {
        Counting engine = new Counting(List.of());
        PdfExtractor auto = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.AUTO, engine);
        int files = 0;
        try (Stream<Path> all = Files.walk(CORPUS)) {
            for (Path pdf : all.filter(p -> p.toString().endsWith(".pdf") && !p.toString().contains("scan")).toList()) {
                ExtractedDocument doc = read(auto, pdf);
                assertTrue(doc.problems().stream().noneMatch(f -> f.code().startsWith("OCR")), pdf.toString());
                files++;
            }
        }
        assertTrue(files >= 10, "corpus PDFs read: " + files);
        assertEquals(List.of(), engine.widths, "no page of a text-layer PDF was rendered for OCR");
    }

    @Test
    void forceRecognisesEveryPageEvenWithATextLayer() {
        Counting engine = new Counting(List.of(new RecognizedText("项目支出绩效自评表", 500, 100, 1100, 150, 0.99)));
        PdfExtractor force = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.FORCE, engine);
        ExtractedDocument doc = read(force, CORPUS.resolve("pdf-hubei-archive/pdf-hubei-archive.pdf"));
        // Rendered at 200 dpi: an A4 page is 1654 pixels wide. (The other images the engine is given
        // are the cells it missed, read again side by side: the fake reads nothing into them.)
        long a4 = Math.round(595 / 72.0 * PdfExtractor.OCR_DPI);
        assertEquals(2, engine.widths.stream().filter(w -> Math.abs(w - a4) <= 2).count(), engine.widths.toString());
        assertEquals(Math.round(595 / 72.0 * PdfExtractor.OCR_DPI), engine.widths.get(0), 2);
        assertEquals("项目支出绩效自评表", ((TextBlock) doc.blocks().get(0)).text());
    }

    @Test
    void aGarbledPageIsRecognisedInsteadOfReportedGarbled() throws IOException {
        Counting engine = new Counting(List.of(new RecognizedText("Indicators and their values", 100, 100, 900, 140, 0.97)));
        PdfExtractor auto = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.AUTO, engine);
        byte[] pdf = PdfExtractorTest.withToUnicode(PdfExtractorTest.twoFontPdf(true), null);
        ExtractedDocument doc = auto.apply(ingest.ingest(null, "无映射子集.pdf", pdf));
        assertEquals(1, engine.widths.size(), "only the garbled page 2 is recognised");
        assertTrue(doc.problems().stream().noneMatch(f -> f.code().equals("GARBLED_TEXT")), doc.problems().toString());
        assertEquals("OCR_PAGE", doc.problems().get(0).code());
        assertEquals(2, doc.problems().get(0).location().page());
        assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof TextBlock t && t.text().contains("Indicators and their values")));
    }

    @Test
    void aPageReadWithLowConfidenceGivesAFindingNotFigures() throws IOException {
        Counting engine = new Counting(List.of(new RecognizedText("年度资金总额 5OO.0O", 100, 100, 900, 140, 0.41)));
        PdfExtractor auto = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.AUTO, engine);
        byte[] mixed = withScannedPage(CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf"), CORPUS.resolve("pdf-scan-image-only/pdf-scan-image-only.pdf"));
        List<String> progress = new ArrayList<>();
        ScanProgress.listen(progress::add);
        ExtractedDocument doc;
        try {
            doc = auto.apply(ingest.ingest(null, "附扫描页.pdf", mixed));
        } finally {
            ScanProgress.listen(null);
        }
        assertEquals(1, progress.size(), "one line per recognised page: " + progress);
        assertTrue(progress.get(0).matches("扫描件 附扫描页\\.pdf：第 2/2 页已识别（\\d+\\.\\d 秒）"), progress.get(0));
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        Finding f = doc.problems().get(0);
        assertEquals("OCR_LOW_CONFIDENCE", f.code());
        assertEquals(2, f.location().page());
        assertTrue(f.message().contains("第 2 页") && f.message().contains("0.41") && f.message().contains("未纳入审核"), f.message());
        assertFalse(doc.blocks().stream().anyMatch(b -> b instanceof TextBlock t && t.text().contains("5OO")), "nothing of page 2 is read");
    }

    @Test
    void aTextPdfWithOneScannedPageIsReadWhole() throws IOException {
        PdfExtractor auto = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.AUTO, new OcrProcess());
        byte[] mixed = withScannedPage(CORPUS.resolve("pdf-hubei-archive/pdf-hubei-archive.pdf"), CORPUS.resolve("pdf-scan-image-only/pdf-scan-image-only.pdf"));
        ExtractedDocument doc = auto.apply(ingest.ingest(null, "附扫描页.pdf", mixed));
        assertEquals(3, doc.pages());
        assertEquals(List.of("OCR_PAGE"), doc.problems().stream().map(Finding::code).toList());
        assertEquals(3, doc.problems().get(0).location().page());
        assertTrue(rows(doc).contains(List.of("", "", "年度资金总额", "", "500.00", "480.00", "456.00", "10", "95.00%", "9.5")), rows(doc).toString());
        assertTrue(doc.blocks().get(0) instanceof TextBlock t && t.text().startsWith("2023年度档案数字化加工经费"), "the text pages are read as before");
        // Every row and cell of the scanned page carries what was recognised and how sure the
        // engine was; nothing of the text pages does.
        int scannedCells = 0;
        for (Block b : doc.blocks()) {
            if (b instanceof TextBlock t) {
                assertEquals(t.location().page() == 3, t.location().scanned(), t.text());
                continue;
            }
            for (TableRow row : ((TableBlock) b).rows()) {
                boolean fromScan = row.location().page() == 3;
                assertEquals(fromScan, row.location().scanned(), row.toString());
                for (int c = 0; c < row.cells().size(); c++) {
                    Location cell = row.cellLocation(c);
                    if (!fromScan || row.cell(c).isEmpty()) {
                        assertFalse(cell.scanned() && !fromScan, row.toString());
                        continue;
                    }
                    assertEquals(row.cell(c), cell.ocr().text());
                    assertTrue(cell.ocr().confidence() > 0.5 && cell.ocr().confidence() <= 1, cell.toString());
                    assertTrue(row.location().ocr().text().contains(row.cell(c)));
                    assertTrue(row.location().ocr().confidence() <= cell.ocr().confidence(), "a row is as sure as its least sure cell");
                    scannedCells++;
                }
            }
        }
        assertTrue(scannedCells > 50, "cells read from the scan: " + scannedCells);
    }

    @Test
    void aScanOfMorePagesThanTheLimitIsRefusedBeforeAnyPageIsRecognised() throws IOException {
        Counting engine = new Counting(List.of(new RecognizedText("项目支出绩效自评表", 500, 100, 1100, 150, 0.99)));
        PdfExtractor oneOnly = new PdfExtractor(1, OcrMode.AUTO, engine);
        byte[] twoScans = withScannedPage(CORPUS.resolve("pdf-scan-image-only/pdf-scan-image-only.pdf"),
                CORPUS.resolve("pdf-scan-image-only/pdf-scan-image-only.pdf"));
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> oneOnly.apply(ingest.ingest(null, "两页扫描.pdf", twoScans)));
        assertTrue(e.reason().contains("共 2 页") && e.reason().contains("1 页的上限"), e.reason());
        assertEquals(List.of(), engine.widths, "no page was rendered for OCR");
    }

    @Test
    void withOcrOffAScanIsRefusedSayingSo() {
        PdfExtractor off = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.OFF, null);
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> read(off, CORPUS.resolve("pdf-scan-image-only/pdf-scan-image-only.pdf")));
        assertTrue(e.reason().contains("没有文字层") && e.reason().contains("--ocr off"), e.reason());
    }

    /** The text PDF with the scan's page appended as an image (as a signed, stamped last page is). */
    private static byte[] withScannedPage(Path text, Path scan) throws IOException {
        try (PDDocument doc = PDDocument.load(text.toFile()); PDDocument scanned = PDDocument.load(scan.toFile())) {
            BufferedImage image = new PDFRenderer(scanned).renderImageWithDPI(0, 150);
            PDPage page = new PDPage(scanned.getPage(0).getMediaBox());
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            return PdfExtractorTest.save(doc);
        }
    }
}

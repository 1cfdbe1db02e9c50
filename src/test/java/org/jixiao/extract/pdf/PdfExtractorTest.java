package org.jixiao.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.util.Matrix;
import org.jixiao.extract.ocr.OcrMode;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Finding;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceDocument;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TextBlock;
import org.junit.jupiter.api.Test;

/**
 * Reading PDFs as a whole: pages, prose in reading order with wrapped lines joined, and the
 * files that cannot be read (encrypted, damaged, scanned, garbled) told apart in Chinese.
 */
class PdfExtractorTest {

    static final Path CORPUS = Path.of("corpus");
    /** OCR off: these tests are about the text layer and what is refused without OCR ({@link PdfOcrTest} has OCR on). */
    private final PdfExtractor extractor = new PdfExtractor(PdfExtractor.DEFAULT_MAX_PAGES, OcrMode.OFF, null);
    private final FileIngestor ingest = new FileIngestor();

    private ExtractedDocument corpus(String name) {
        return extractor.apply(ingest.apply(CORPUS.resolve(name).resolve(name + ".pdf")));
    }

    private ExtractedDocument bytes(String name, byte[] pdf) {
        return extractor.apply(ingest.ingest(null, name, pdf));
    }

    static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Test
    void narrativeParagraphsAreJoinedAcrossWrappedLinesAndPrecedeTheTable() {
        ExtractedDocument doc = corpus("pdf-hubei-archive");
        assertEquals(2, doc.pages());
        assertTrue(doc.problems().isEmpty());
        List<String> prose = new ArrayList<>();
        int firstTable = -1;
        for (int i = 0; i < doc.blocks().size(); i++) {
            Block b = doc.blocks().get(i);
            if (b instanceof TextBlock t) prose.add(t.text());
            if (b instanceof TableBlock && firstTable < 0) firstTable = i;
        }
        assertEquals("2023年度档案数字化加工经费项目绩效自评结果", prose.get(0));
        // Printed over three lines in the PDF; one paragraph in the source.
        assertTrue(prose.contains("2023年，档案数字化加工经费项目年初预算数420.00万元，调整后预算数400.00万元，实际支出372.00万元，资金执行率93.00%。"
                + "结余资金主要是部分加工批次的验收结算顺延至次年一季度，已按规定办理结转手续，不影响项目整体目标的实现。"), String.join("\n", prose));
        // Headings and the short lines above the form stay lines of their own.
        assertTrue(prose.contains("1. 预算执行情况分析"));
        assertTrue(prose.contains("项目单位（盖章）：湖北省档案馆"));
        assertTrue(prose.contains("填报日期：2024年4月"));
        assertEquals("填报日期：2024年4月", ((TextBlock) doc.blocks().get(firstTable - 1)).text(), "the form follows its heading lines");
    }

    @Test
    void aParagraphCutByThePageBreakContinuesOnTheNextPageWithoutPageNumberAndRunningHeader() throws IOException {
        String sentence = "The project budget was spent as planned and the remaining funds were carried over "
                + "to the next year according to the rules of the finance bureau so that the work could go on "
                + "without interruption while the new equipment was installed in every township clinic.";
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType1Font.HELVETICA;
            List<String> lines = justifiedLines(sentence, font, 11, 400);
            PDPage one = new PDPage(PDRectangle.A4);
            PDPage two = new PDPage(PDRectangle.A4);
            doc.addPage(one);
            doc.addPage(two);
            try (PDPageContentStream s = new PDPageContentStream(doc, one)) {
                write(s, font, 9, 80, 815, "Finance Bureau internal 2024", 0);
                write(s, font, 11, 80, 760, "Funds", 0);
                float y = 720;
                for (int i = 0; i < lines.size() - 1; i++, y -= 15) write(s, font, 11, 80, y, lines.get(i), spacing(lines.get(i), font, 11, 400));
                write(s, font, 9, 290, 30, "- 1 -", 0);
            }
            try (PDPageContentStream s = new PDPageContentStream(doc, two)) {
                write(s, font, 9, 80, 815, "Finance Bureau internal 2024", 0);
                write(s, font, 11, 80, 780, lines.get(lines.size() - 1), 0);
                write(s, font, 11, 102, 765, "A new paragraph starts indented.", 0);
                write(s, font, 9, 290, 30, "- 2 -", 0);
            }
            ExtractedDocument read = bytes("wrapped.pdf", save(doc));
            List<String> texts = read.blocks().stream().map(b -> ((TextBlock) b).text()).toList();
            assertEquals(List.of("Finance Bureau internal 2024", "Funds", sentence, "A new paragraph starts indented."), texts,
                    "the running header is kept where it first shows, its repeat on page 2 does not cut the paragraph");
        }
    }

    /** The sentence cut into lines no wider than {@code width}, as a word processor does. */
    private static List<String> justifiedLines(String sentence, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : sentence.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Character spacing that makes the line exactly {@code width} wide (justified text). */
    private static float spacing(String line, PDFont font, float size, float width) throws IOException {
        float natural = font.getStringWidth(line) / 1000 * size;
        return (width - natural) / (line.length() - 1);
    }

    private static void write(PDPageContentStream s, PDFont font, float size, float x, float y, String text, float spacing) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.setCharacterSpacing(spacing);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    @Test
    void aPageShownRotatedReadsAsItLooks() throws IOException {
        Path original = CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf");
        List<Block> upright = extractor.apply(ingest.apply(original)).blocks();
        for (int rotation : new int[] {90, 180, 270}) {
            byte[] rotated;
            try (PDDocument doc = PDDocument.load(original.toFile())) {
                PDPage page = doc.getPage(0);
                float w = page.getMediaBox().getWidth();
                float h = page.getMediaBox().getHeight();
                // The page as a landscape form printed rotated: user space turned, /Rotate turning it back.
                float userW = rotation == 180 ? w : h;
                float userH = rotation == 180 ? h : w;
                Matrix shown = switch (rotation) {
                    case 90 -> new Matrix(0, -1, 1, 0, 0, userW);
                    case 180 -> new Matrix(-1, 0, 0, -1, userW, userH);
                    default -> new Matrix(0, 1, -1, 0, userH, 0);
                };
                java.awt.geom.AffineTransform drawn;
                try {
                    drawn = shown.createAffineTransform().createInverse();
                } catch (java.awt.geom.NoninvertibleTransformException e) {
                    throw new AssertionError(e);
                }
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, false)) {
                    s.saveGraphicsState();
                    s.transform(new Matrix(drawn));
                }
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                    s.restoreGraphicsState();
                }
                page.setMediaBox(new PDRectangle(userW, userH));
                page.setCropBox(new PDRectangle(userW, userH));
                page.setRotation(rotation);
                rotated = save(doc);
            }
            List<Block> read = bytes("rotated-" + rotation + ".pdf", rotated).blocks();
            assertEquals(upright.size(), read.size(), "rotation " + rotation);
            for (int i = 0; i < upright.size(); i++) {
                if (upright.get(i) instanceof TableBlock t) {
                    assertEquals(t.rows().stream().map(r -> r.cells()).toList(),
                            ((TableBlock) read.get(i)).rows().stream().map(r -> r.cells()).toList(), "rotation " + rotation);
                } else {
                    assertEquals(((TextBlock) upright.get(i)).text(), ((TextBlock) read.get(i)).text(), "rotation " + rotation);
                }
            }
        }
    }

    @Test
    void anEncryptedPdfIsRefusedAskingForItsPassword() throws IOException {
        byte[] encrypted;
        try (PDDocument doc = PDDocument.load(CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf").toFile())) {
            doc.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
            encrypted = save(doc);
        }
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> bytes("加密.pdf", encrypted));
        assertTrue(e.reason().contains("已加密") && e.reason().contains("密码"), e.reason());
        assertTrue(e.getMessage().startsWith("加密.pdf"));
    }

    @Test
    void aPdfEncryptedOnlyAgainstEditingIsRead() throws IOException {
        byte[] restricted;
        try (PDDocument doc = PDDocument.load(CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf").toFile())) {
            AccessPermission noEditing = new AccessPermission();
            noEditing.setCanModify(false);
            doc.protect(new StandardProtectionPolicy("owner-secret", "", noEditing));
            restricted = save(doc);
        }
        ExtractedDocument read = bytes("只读.pdf", restricted);
        assertTrue(read.blocks().stream().anyMatch(b -> b instanceof TableBlock));
    }

    @Test
    void aDamagedPdfIsRefusedInChinese() throws IOException {
        byte[] whole = Files.readAllBytes(CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf"));
        byte[] garbage = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf body\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        SourceDocument source = new SourceDocument(null, "坏.pdf", garbage, "0".repeat(64), "application/pdf");
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> extractor.apply(source));
        assertTrue(e.reason().contains("损坏") || e.reason().contains("没有任何页面") || e.reason().contains("不完整"), e.reason());
        assertTrue(whole.length > garbage.length);
    }

    @Test
    void aScanWithoutTextLayerIsRefusedNamingTheFile() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> corpus("pdf-scan-image-only"));
        assertTrue(e.reason().contains("扫描件") && e.reason().contains("没有文字层"), e.reason());
        assertTrue(e.getMessage().startsWith("pdf-scan-image-only.pdf："), e.getMessage());
        assertTrue(e.reason().contains("--ocr off"), "says that OCR was off: " + e.reason());
    }

    @Test
    void aScannedPageInsideATextPdfBecomesAProblemOfThatPage() throws IOException {
        byte[] mixed;
        try (PDDocument doc = PDDocument.load(CORPUS.resolve("pdf-mof-water/pdf-mof-water.pdf").toFile())) {
            PDPage scan = new PDPage(PDRectangle.A4);
            doc.addPage(scan);
            BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.fillRect(20, 20, 160, 4);
            g.dispose();
            try (PDPageContentStream s = new PDPageContentStream(doc, scan)) {
                s.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, 595, 842);
            }
            mixed = save(doc);
        }
        ExtractedDocument read = bytes("附扫描页.pdf", mixed);
        assertEquals(2, read.pages());
        assertEquals(1, read.problems().size());
        Finding f = read.problems().get(0);
        assertEquals("NO_TEXT_LAYER", f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(2, f.location().page());
        assertTrue(f.message().contains("第 2 页") && f.message().contains("没有文字层"), f.message());
        assertInstanceOf(TableBlock.class, read.blocks().get(2), "page 1 is still read");
    }

    /**
     * Two pages: Helvetica text, then text in an embedded composite TrueType font (Identity-H),
     * the whole font or a subset (PDFBox's subsets have no 'cmap' table).
     */
    static byte[] twoFontPdf(boolean subset) throws IOException {
        try (PDDocument doc = new PDDocument();
             InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(doc, ttf, subset);
            PDPage readable = new PDPage(PDRectangle.A4);
            PDPage composite = new PDPage(PDRectangle.A4);
            doc.addPage(readable);
            doc.addPage(composite);
            try (PDPageContentStream s = new PDPageContentStream(doc, readable)) {
                write(s, PDType1Font.HELVETICA, 11, 80, 760, "Budget performance self evaluation", 0);
            }
            try (PDPageContentStream s = new PDPageContentStream(doc, composite)) {
                write(s, font, 11, 80, 760, "Indicators and their values", 0);
            }
            return save(doc);
        }
    }

    /** The same PDF with the ToUnicode map of page 2's font replaced, or removed when {@code cmap} is null. */
    static byte[] withToUnicode(byte[] pdf, String cmap) throws IOException {
        try (PDDocument doc = PDDocument.load(pdf)) {
            var resources = doc.getPage(1).getResources();
            for (COSName name : resources.getFontNames()) {
                var dict = resources.getFont(name).getCOSObject();
                if (cmap == null) {
                    dict.removeItem(COSName.TO_UNICODE);
                } else {
                    var stream = doc.getDocument().createCOSStream();
                    try (var out = stream.createOutputStream()) {
                        out.write(cmap.getBytes(StandardCharsets.US_ASCII));
                    }
                    dict.setItem(COSName.TO_UNICODE, stream);
                }
            }
            return save(doc);
        }
    }

    @Test
    void aCompositeFontWithoutToUnicodeIsReadThroughItsOwnCmapTable() throws IOException {
        byte[] pdf = withToUnicode(twoFontPdf(false), null);
        ExtractedDocument read = bytes("无映射.pdf", pdf);
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        // Both one-line pages reach the right edge of the text, so they read as one paragraph.
        String text = read.blocks().stream().map(b -> ((TextBlock) b).text()).reduce("", String::concat);
        assertTrue(text.endsWith("Indicators and their values"), text);
    }

    @Test
    void textMappedToPrivateUseCharactersIsReportedAsGarbledNotRead() throws IOException {
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                + "/CMapName /Garbled def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                + "1 beginbfrange <0000> <00FF> <E000> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
        byte[] pdf = withToUnicode(twoFontPdf(true), cmap.toString());
        ExtractedDocument read = bytes("乱码.pdf", pdf);
        assertEquals(1, read.problems().size(), read.problems().toString());
        Finding f = read.problems().get(0);
        assertEquals("GARBLED_TEXT", f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(2, f.location().page());
        assertTrue(f.message().contains("第 2 页") && f.message().contains("无法识别"), f.message());
        assertEquals(List.of("Budget performance self evaluation"),
                read.blocks().stream().map(b -> ((TextBlock) b).text()).toList(), "the garbled page gives no half-read text");
    }

    @Test
    void aSubsetFontWithoutAnyMappingIsReportedAsGarbled() throws IOException {
        ExtractedDocument read = bytes("无映射子集.pdf", withToUnicode(twoFontPdf(true), null));
        assertEquals(1, read.problems().size(), read.problems().toString());
        Finding f = read.problems().get(0);
        assertEquals("GARBLED_TEXT", f.code());
        assertEquals(2, f.location().page());
        assertTrue(f.message().contains("ToUnicode"), f.message());
        assertEquals(1, read.blocks().size(), "page 1 is still read");
    }

    @Test
    void aPdfWhoseOnlyTextIsGarbledIsRefused() throws IOException {
        String cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                + "/CMapName /Garbled def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                + "1 beginbfrange <0000> <00FF> <E000> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end\n";
        byte[] pdf = withToUnicode(twoFontPdf(true), cmap);
        try (PDDocument doc = PDDocument.load(pdf)) {
            doc.removePage(0);
            pdf = save(doc);
        }
        byte[] only = pdf;
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> bytes("全乱码.pdf", only));
        assertTrue(e.reason().contains("没有可读取的页面") && e.reason().contains("无法正确提取"), e.reason());
    }

    @Test
    void replacementAndPrivateUseCharactersCountAsUnreadable() {
        TextLayer.Counts clean = TextLayer.count("项目支出绩效自评表 2023");
        assertEquals(0, clean.unreadable());
        TextLayer.Counts bad = TextLayer.count("项\uFFFD\uFFFD\uE001\uE002表");
        assertEquals(6, bad.visible());
        assertEquals(4, bad.unreadable());
        assertTrue(bad.share() > TextLayer.GARBLED_SHARE);
        assertFalse(clean.share() > TextLayer.GARBLED_SHARE);
    }
}

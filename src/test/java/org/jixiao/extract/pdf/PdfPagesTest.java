package org.jixiao.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.model.SourceDocument;
import org.junit.jupiter.api.Test;

/**
 * A corpus PDF's page drawn as a PNG of the size its crop box and {@link PdfPages#DPI} give, and a
 * finding's figure found where it is printed: each rectangle is checked against PDFBox's own
 * character positions (an independent stripper), against the text PDFBox reads inside the
 * rectangle, and against the ink in the drawn page.
 */
class PdfPagesTest {

    private static final Path FARMLAND = Path.of("corpus/changsha-county-2022-self-eval-farmland/changsha-county-2022-self-eval-farmland.pdf");
    private static final Path SCAN = Path.of("corpus/pdf-scan-image-only/pdf-scan-image-only.pdf");
    private static final PdfPages PAGES = new PdfPages(PdfExtractor.DEFAULT_MAX_PAGES);
    /** A pixel darker than this in every channel is ink (text, rules); the page is white. */
    private static final int INK = 160;

    private static SourceDocument source(Path p) throws IOException {
        return new FileIngestor(64L * 1024 * 1024).apply(p);
    }

    @Test
    void aPageIsAPngOfTheSizeItsCropBoxGivesAtTheResolution() throws Exception {
        PageImage page = PAGES.render(source(FARMLAND), 1);
        assertEquals(2, page.pages());
        byte[] png = page.png();
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        try (PDDocument doc = PDDocument.load(FARMLAND.toFile())) {
            PDRectangle crop = doc.getPage(0).getCropBox();
            assertEquals((int) Math.floor(crop.getWidth() * PdfPages.DPI / 72f), image.getWidth());
            assertEquals((int) Math.floor(crop.getHeight() * PdfPages.DPI / 72f), image.getHeight());
        }
        assertFalse(PAGES.render(source(FARMLAND), 3).exists(), "a page past the last is none");
        assertEquals(2, PAGES.render(source(FARMLAND), 3).pages());
    }

    @Test
    void theFigureIsMarkedWherePdfBoxPrintsItBesideItsLabelFirst() throws Exception {
        PageHighlights found = PAGES.find(source(FARMLAND), new FigureQuery(1, "101.63", "执行率", null));
        assertTrue(found.textLayer());
        List<PageHighlights.Box> figures = found.boxes().stream().filter(b -> b.kind().equals("figure")).toList();
        // Printed twice on page 1: in the prose ("资金执行率 101.63%") and in the table's 执行率 column.
        assertEquals(2, figures.size(), found.toString());
        assertEquals("figure", found.boxes().get(0).kind(), "the figure comes before the label");
        try (PDDocument doc = PDDocument.load(FARMLAND.toFile())) {
            PDRectangle crop = doc.getPage(0).getCropBox();
            List<Rectangle2D> printed = positionsOf(doc, 1, "101.63");
            assertEquals(2, printed.size(), "PDFBox's own positions of the figure");
            for (Rectangle2D chars : printed) {
                Rectangle2D.Double box = inPoints(figures.stream().filter(f -> inPoints(f, crop).intersects(chars))
                        .findFirst().orElseThrow(() -> new AssertionError("no box over " + chars)), crop);
                assertTrue(box.contains(chars.getCenterX(), chars.getCenterY()), box + " covers " + chars);
                // Tight: the box is the figure's, not its row's (within a character either side).
                assertTrue(box.getWidth() < chars.getWidth() * 2, box + " is about as wide as " + chars);
            }
            for (PageHighlights.Box f : figures) {
                String inside = textIn(doc, 0, inPoints(f, crop));
                assertTrue(inside.contains("101.63"), "PDFBox reads “" + inside + "” inside " + f);
            }
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PAGES.render(source(FARMLAND), 1).png()));
        for (PageHighlights.Box f : figures) assertTrue(inkIn(image, f) > 0.05, "the drawn page has ink under " + f);
        // The first figure is the one on the label's row.
        PageHighlights.Box first = found.boxes().get(0);
        assertTrue(found.boxes().stream().anyMatch(b -> b.kind().equals("label")
                && Math.abs((b.y() + b.height() / 2) - (first.y() + first.height() / 2)) < first.height()), found.toString());
    }

    @Test
    void theFigureWhereTheFindingReadItComesFirst() throws Exception {
        // 101.63% stands in the prose near the top of page 1 and in the table's 执行率 cell at its foot.
        PageHighlights table = PAGES.find(source(FARMLAND), new FigureQuery(1, "101.63", "执行率", true));
        PageHighlights prose = PAGES.find(source(FARMLAND), new FigureQuery(1, "101.63", "执行率", false));
        assertTrue(table.boxes().get(0).y() > 0.5, "the table's cell first: " + table.boxes().get(0));
        assertTrue(prose.boxes().get(0).y() < 0.5, "the sentence's figure first: " + prose.boxes().get(0));
        assertEquals(table.boxes().size(), prose.boxes().size(), "both still marked");
    }

    @Test
    void aLabelAloneIsMarkedWhenThereIsNoFigure() throws Exception {
        // The duplicated indicator: its name stands in two rows of page 2's table.
        PageHighlights found = PAGES.find(source(FARMLAND), new FigureQuery(2, null, "灌排设施完好率", null));
        assertTrue(found.boxes().size() >= 2, found.toString());
        try (PDDocument doc = PDDocument.load(FARMLAND.toFile())) {
            PDRectangle crop = doc.getPage(1).getCropBox();
            for (PageHighlights.Box b : found.boxes()) {
                assertEquals("label", b.kind());
                assertTrue(textIn(doc, 1, inPoints(b, crop)).replaceAll("\\s", "").contains("灌排设施完好率"), b.toString());
            }
        }
    }

    @Test
    void withoutAPageTheDocumentIsSearchedAndThePageSaid() throws Exception {
        // The narrative finding's 902 (调整后预算数 in the prose) has no page in its location.
        PageHighlights found = PAGES.find(source(FARMLAND), new FigureQuery(0, "902", null, null));
        assertEquals(1, found.page());
        assertEquals("902.00", found.boxes().get(0).text());
        PageHighlights nowhere = PAGES.find(source(FARMLAND), new FigureQuery(0, "123456.78", null, null));
        assertEquals(0, nowhere.page());
        assertTrue(nowhere.boxes().isEmpty());
    }

    @Test
    void aScannedPageHasNoTextLayerAndNoMark() throws Exception {
        PageHighlights found = PAGES.find(source(SCAN), new FigureQuery(1, "100", "执行率", null));
        assertFalse(found.textLayer());
        assertTrue(found.boxes().isEmpty());
        assertNotNull(PAGES.render(source(SCAN), 1).png(), "the scan itself is shown");
    }

    @Test
    void aFigureIsFoundByValueHoweverItIsWritten() {
        assertEquals(0, new BigDecimal("2329.6").compareTo(PdfPages.number("２，３２９．６０")));
        assertEquals(0, new BigDecimal("101.63").compareTo(PdfPages.number("101.63%")));
        assertEquals(null, PdfPages.number("执行率"));
    }

    @Test
    void aPageDeclaredHugeIsDrawnWithinTheBound() throws Exception {
        // 14400 pt (200 inches) a side, the largest the PDF specification allows: at 120 dpi it
        // would be 24000 pixels square (1.7 GB of pixels); it is drawn at most 4000 a side.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage(new PDRectangle(14400, 14400)));
            doc.save(bytes);
        }
        SourceDocument huge = new FileIngestor(64L * 1024 * 1024).ingest(null, "huge.pdf", bytes.toByteArray());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PAGES.render(huge, 1).png()));
        assertEquals(PdfPages.MAX_SIDE_PIXELS, Math.max(image.getWidth(), image.getHeight()));
    }

    @Test
    void aPdfOverThePageLimitIsRefused() throws Exception {
        assertThrows(UnreadableInputException.class, () -> new PdfPages(1).render(source(FARMLAND), 1));
    }

    /** The rectangle around each occurrence of {@code text} on a page, from PDFBox's positions (PDF points, top-left origin). */
    private static List<Rectangle2D> positionsOf(PDDocument doc, int page, String text) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition p) {
                super.processTextPosition(p);
                all.add(p);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        StringBuilder chars = new StringBuilder();
        for (TextPosition p : all) {
            String u = p.getUnicode();
            chars.append(u == null || u.isEmpty() ? '\uFFFD' : u.charAt(0));
        }
        List<Rectangle2D> found = new ArrayList<>();
        for (int i = chars.indexOf(text); i >= 0; i = chars.indexOf(text, i + 1)) {
            Rectangle2D r = null;
            for (int k = i; k < i + text.length(); k++) {
                TextPosition p = all.get(k);
                Rectangle2D c = new Rectangle2D.Double(p.getX(), p.getY() - p.getHeight(), p.getWidth(), p.getHeight());
                r = r == null ? c : r.createUnion(c);
            }
            found.add(r);
        }
        return found;
    }

    private static Rectangle2D.Double inPoints(PageHighlights.Box b, PDRectangle crop) {
        return new Rectangle2D.Double(b.x() * crop.getWidth(), b.y() * crop.getHeight(),
                b.width() * crop.getWidth(), b.height() * crop.getHeight());
    }

    private static String textIn(PDDocument doc, int pageIndex, Rectangle2D area) throws IOException {
        PDFTextStripperByArea byArea = new PDFTextStripperByArea();
        byArea.addRegion("box", area);
        byArea.extractRegions(doc.getPage(pageIndex));
        return byArea.getTextForRegion("box");
    }

    /** Share of the box's pixels that are ink. */
    private static double inkIn(BufferedImage image, PageHighlights.Box b) {
        int x0 = (int) (b.x() * image.getWidth());
        int y0 = (int) (b.y() * image.getHeight());
        int x1 = (int) Math.ceil((b.x() + b.width()) * image.getWidth());
        int y1 = (int) Math.ceil((b.y() + b.height()) * image.getHeight());
        int ink = 0;
        int all = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                all++;
                if (((rgb >> 16) & 0xff) < INK && ((rgb >> 8) & 0xff) < INK && (rgb & 0xff) < INK) ink++;
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }
}

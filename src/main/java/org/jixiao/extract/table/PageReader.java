package org.jixiao.extract.table;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import technology.tabula.Page;
import technology.tabula.PageDims;
import technology.tabula.Rectangle;
import technology.tabula.TextElement;
import technology.tabula.Utils;

/**
 * Reads one PDF page into a tabula {@link Page}: glyphs from tabula's text stripper and rulings
 * from {@link RulingCollector}, in one walk of its content ({@link PageWalk}). Rotated pages are first turned upright ({@link #upright}).
 */
public final class PageReader {

    /**
     * A page as read, whether it draws any image (a scan shows as images and no text), and how
     * many bytes of text its content shows (-1 when not counted): text shown but not extracted
     * was lost to fonts without a Unicode mapping.
     */
    public record Read(Page page, boolean drewImages, long shownTextBytes) {
    }

    private final PDDocument document;

    public PageReader(PDDocument document) {
        this.document = document;
    }

    /** Page {@code number} (1-based). */
    public Read read(int number) throws IOException {
        PDPage pdPage = document.getPage(number - 1);
        if (pdPage.getRotation() % 360 != 0) upright(pdPage);
        PageWalk text = new PageWalk(document, number);
        text.process();
        RulingCollector rulings = text.rulings();
        List<TextElement> glyphs = text.getTextElements();
        Utils.sort(glyphs, Rectangle.ILL_DEFINED_ORDER);
        float width = pdPage.getCropBox().getWidth();
        float height = pdPage.getCropBox().getHeight();
        Page page = Page.Builder.newInstance()
                .withPageDims(PageDims.of(0, 0, width, height))
                .withRotation(0)
                .withNumber(number)
                .withPdPage(pdPage)
                .withPdDocument(document)
                .withRulings(rulings.rulings())
                .withTextElements(glyphs)
                .withMinCharWidth(text.getMinCharWidth())
                .withMinCharHeight(text.getMinCharHeight())
                .withIndex(text.getSpatialIndex())
                .build();
        return new Read(page, rulings.drewImages(), rulings.shownTextBytes());
    }

    /**
     * Turns a page shown rotated (/Rotate 90, 180, 270: landscape forms printed from Excel,
     * scanned pages) into an unrotated page with the same look, by drawing its content through
     * the rotation. Text and rulings are then read in the coordinates the reader sees. Only the
     * document in memory changes.
     */
    private void upright(PDPage page) throws IOException {
        PDRectangle box = page.getCropBox();
        float w = box.getWidth();
        float h = box.getHeight();
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        Matrix turn = switch (rotation) {
            case 90 -> new Matrix(0, -1, 1, 0, 0, w);
            case 180 -> new Matrix(-1, 0, 0, -1, w, h);
            case 270 -> new Matrix(0, 1, -1, 0, h, 0);
            default -> null;
        };
        if (turn == null) return;
        try (PDPageContentStream before = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.PREPEND, false)) {
            before.saveGraphicsState();
            before.transform(turn);
            before.transform(Matrix.getTranslateInstance(-box.getLowerLeftX(), -box.getLowerLeftY()));
        }
        try (PDPageContentStream after = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, false)) {
            after.restoreGraphicsState();
        }
        PDRectangle turned = rotation == 180 ? new PDRectangle(w, h) : new PDRectangle(h, w);
        page.setMediaBox(turned);
        page.setCropBox(turned);
        page.setRotation(0);
    }
}

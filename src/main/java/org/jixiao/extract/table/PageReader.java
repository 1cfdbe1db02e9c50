package org.jixiao.extract.table;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.PageDims;
import technology.tabula.Rectangle;
import technology.tabula.TextElement;
import technology.tabula.TextStripper;
import technology.tabula.Utils;

/**
 * Reads one PDF page into a tabula {@link Page}: glyphs from tabula's text stripper, rulings from
 * {@link RulingCollector}. Rotated pages are left to tabula's own reader, which handles rotation.
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
    private ObjectExtractor rotated;

    public PageReader(PDDocument document) {
        this.document = document;
    }

    /** Page {@code number} (1-based). */
    public Read read(int number) throws IOException {
        PDPage pdPage = document.getPage(number - 1);
        if (pdPage.getRotation() % 360 != 0) {
            if (rotated == null) rotated = new ObjectExtractor(document);
            return new Read(rotated.extract(number), false, -1);
        }
        RulingCollector rulings = new RulingCollector(pdPage);
        rulings.process();
        TextStripper text = new TextStripper(document, number);
        text.process();
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
}

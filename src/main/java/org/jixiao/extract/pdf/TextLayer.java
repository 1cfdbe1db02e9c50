package org.jixiao.extract.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Judges whether a page's text layer can be trusted: a page of images without text is a scan;
 * text full of replacement or private-use characters, or shown in a composite font that has no
 * way to Unicode (no ToUnicode map and no predefined CJK character collection such as
 * Adobe-GB1, which PDFBox maps itself), is garbled.
 */
final class TextLayer {

    /** Share of unreadable characters among the visible ones above which a page is garbled. */
    static final double GARBLED_SHARE = 0.10;

    /** Pages with fewer visible characters than this have no text layer worth the name. */
    static final int MIN_TEXT_CHARS = 5;

    /**
     * The code a composite font's mapping is probed with: CID 1 is a real glyph in every CJK
     * character collection, so a font that maps anything maps it.
     */
    static final int PROBE_CODE = 1;

    /** Form XObjects are searched for images this deep (scanners wrap the image in one form). */
    static final int MAX_FORM_DEPTH = 3;

    private TextLayer() {
    }

    static boolean hasImages(PDPage page) {
        return hasImages(page.getResources(), 0);
    }

    private static boolean hasImages(PDResources resources, int depth) {
        if (resources == null || depth > MAX_FORM_DEPTH) return false;
        for (COSName name : resources.getXObjectNames()) {
            try {
                PDXObject x = resources.getXObject(name);
                if (x instanceof PDImageXObject) return true;
                if (x instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) return true;
            } catch (IOException e) {
                // An unreadable XObject is no evidence either way.
            }
        }
        return false;
    }

    /** Counts of visible and unreadable characters in extracted text. */
    record Counts(int visible, int unreadable) {
        double share() {
            return visible == 0 ? 0 : (double) unreadable / visible;
        }
    }

    static Counts count(CharSequence text) {
        int visible = 0;
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000') continue;
            visible++;
            if (c == '\uFFFD' || (c >= '\uE000' && c <= '\uF8FF') || (Character.isISOControl(c))) bad++;
        }
        return new Counts(visible, bad);
    }

    /** The name of a composite font on the page whose glyphs cannot be turned into text, or null. */
    static String unmappableFont(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) return null;
        for (COSName name : resources.getFontNames()) {
            try {
                PDFont font = resources.getFont(name);
                if (font instanceof PDType0Font t0 && !t0.getCOSObject().containsKey(COSName.TO_UNICODE)
                        && t0.toUnicode(PROBE_CODE) == null) {
                    return font.getName();
                }
            } catch (IOException e) {
                return name.getName();
            }
        }
        return null;
    }
}

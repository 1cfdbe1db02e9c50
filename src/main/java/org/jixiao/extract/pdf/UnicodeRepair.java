package org.jixiao.extract.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.CmapTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Gives a composite TrueType font without ToUnicode a mapping built from its own embedded font:
 * the font's Unicode 'cmap' table, read backwards (glyph to character), tells what each glyph
 * shows. Several Chinese PDF producers write Identity-H fonts this way; without the repair their
 * text is lost. Fonts with a predefined CJK collection (Adobe-GB1 …) need no repair, PDFBox maps
 * them; fonts whose subset dropped the 'cmap' table cannot be repaired and stay garbled.
 *
 * <p>Only the in-memory document is changed, before any text is read; the resource cache is
 * renewed so the fonts are loaded again with their new mapping.
 */
final class UnicodeRepair {

    /** Entries per bfchar block: the CMap syntax allows at most 100. */
    static final int BFCHAR_BLOCK = 100;

    /** CIDs above this are not looked at: two-byte Identity codes end here. */
    static final int MAX_CID = 0xFFFF;

    private UnicodeRepair() {
    }

    /** Repairs the fonts of every page; returns how many fonts got a mapping. */
    static int repair(PDDocument doc) {
        int repaired = 0;
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) continue;
            for (COSName name : resources.getFontNames()) {
                try {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font t0 && needsRepair(t0) && repair(doc, t0)) repaired++;
                } catch (IOException | RuntimeException e) {
                    // A font that cannot be read is reported as garbled text later.
                }
            }
        }
        if (repaired > 0) doc.setResourceCache(new DefaultResourceCache());
        return repaired;
    }

    private static boolean needsRepair(PDType0Font font) throws IOException {
        return !font.getCOSObject().containsKey(COSName.TO_UNICODE) && font.toUnicode(TextLayer.PROBE_CODE) == null;
    }

    private static boolean repair(PDDocument doc, PDType0Font font) throws IOException {
        PDCIDFont descendant = font.getDescendantFont();
        if (!(descendant instanceof PDCIDFontType2 cidFont)) return false;
        TrueTypeFont ttf = cidFont.getTrueTypeFont();
        if (ttf == null) return false;
        CmapTable cmapTable = ttf.getCmap();
        if (cmapTable == null) return false;
        CmapSubtable unicode = unicodeSubtable(cmapTable);
        if (unicode == null) return false;
        int glyphs = ttf.getNumberOfGlyphs();
        // With a CIDToGIDMap the CIDs are free numbers (a subset keeps the original ones);
        // without it, CID and glyph index are the same.
        boolean mapped = cidFont.getCOSObject().getDictionaryObject(COSName.CID_TO_GID_MAP) instanceof COSStream;
        int lastCid = mapped ? MAX_CID : Math.min(MAX_CID, glyphs - 1);
        List<String> entries = new ArrayList<>();
        for (int cid = 1; cid <= lastCid; cid++) {
            int gid = cidFont.codeToGID(cid);
            if (gid <= 0 || gid >= glyphs) continue;
            List<Integer> chars = unicode.getCharCodes(gid);
            if (chars == null || chars.isEmpty()) continue;
            int cp = chars.get(0);
            if (!Character.isValidCodePoint(cp)) continue;
            entries.add(String.format(Locale.ROOT, "<%04X> <%s>", cid, utf16Hex(cp)));
        }
        if (entries.isEmpty()) return false;
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(cmap(entries).getBytes(StandardCharsets.US_ASCII));
        }
        font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
        return true;
    }

    private static CmapSubtable unicodeSubtable(CmapTable table) {
        CmapSubtable s = table.getSubtable(CmapTable.PLATFORM_WINDOWS, CmapTable.ENCODING_WIN_UNICODE_FULL);
        if (s == null) s = table.getSubtable(CmapTable.PLATFORM_WINDOWS, CmapTable.ENCODING_WIN_UNICODE_BMP);
        if (s == null) s = table.getSubtable(CmapTable.PLATFORM_UNICODE, CmapTable.ENCODING_UNICODE_2_0_FULL);
        if (s == null) s = table.getSubtable(CmapTable.PLATFORM_UNICODE, CmapTable.ENCODING_UNICODE_2_0_BMP);
        return s;
    }

    private static String utf16Hex(int codePoint) {
        StringBuilder sb = new StringBuilder();
        for (char c : Character.toChars(codePoint)) sb.append(String.format(Locale.ROOT, "%04X", (int) c));
        return sb.toString();
    }

    private static String cmap(List<String> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
          .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
          .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
          .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int i = 0; i < entries.size(); i += BFCHAR_BLOCK) {
            List<String> block = entries.subList(i, Math.min(entries.size(), i + BFCHAR_BLOCK));
            sb.append(block.size()).append(" beginbfchar\n");
            for (String e : block) sb.append(e).append('\n');
            sb.append("endbfchar\n");
        }
        sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.toString();
    }
}

package org.jixiao.extract.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/**
 * The column spans (w:gridSpan) of the cells of a .docx's body tables, in document order. Tika's
 * XHTML for Word tables has one cell per w:tc but no colspan, so a cell merged across columns
 * would shift the cells after it; with these spans the handler puts the empty cells back.
 */
final class DocxSpans {

    private DocxSpans() {
    }

    /** Per body table, per row, the span of each cell; an empty list when the file cannot be read. */
    static List<List<List<Integer>>> read(byte[] docx) {
        List<List<List<Integer>>> tables = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (!(element instanceof XWPFTable table)) continue;
                List<List<Integer>> rows = new ArrayList<>();
                for (XWPFTableRow row : table.getRows()) {
                    List<Integer> spans = new ArrayList<>();
                    for (XWPFTableCell cell : row.getTableCells()) spans.add(span(cell));
                    rows.add(spans);
                }
                tables.add(rows);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return tables;
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) return 1;
        BigInteger v = pr.getGridSpan().getVal();
        return Math.max(1, Math.min(BlockHandler.MAX_SPAN, v.intValue()));
    }
}

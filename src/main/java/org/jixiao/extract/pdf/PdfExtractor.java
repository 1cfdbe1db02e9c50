package org.jixiao.extract.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jixiao.extract.table.PageReader;
import org.jixiao.extract.table.PageTables;
import org.jixiao.extract.table.TextLine;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Location;
import org.jixiao.model.SourceDocument;
import org.jixiao.pipeline.Stage;
import technology.tabula.Page;

/**
 * Reads a PDF report into blocks: per page the tables (ruled or not) and the lines around them,
 * then the lines assembled into paragraphs and tables continued on the next page joined
 * ({@link ReadingOrder}).
 *
 * <p>A PDF that cannot be opened (encrypted, damaged) or has no text at all (a scan) is refused
 * with a Chinese reason; single pages without text or with garbled text become problems of the
 * document, so the rest is still read.
 */
public final class PdfExtractor implements Stage<SourceDocument, ExtractedDocument> {

    /**
     * Bytes of parsed PDF objects kept in memory before PDFBox spills to a temporary file: enough
     * for any report of tens of pages, and a bound on what one hostile file can take.
     */
    static final long MAIN_MEMORY_BYTES = 32L * 1024 * 1024;

    /** Lines within this share of the page height from the top or bottom edge may be running headers or page numbers. */
    static final double MARGIN_BAND = 0.08;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[-—–－\\s]*(第\\s*)?\\d{1,4}\\s*(页)?\\s*([/／]\\s*(共\\s*)?\\d{1,4}\\s*页?)?[-—–－\\s]*$|^(第\\s*\\d{1,4}\\s*页\\s*)?[,，]?\\s*共\\s*\\d{1,4}\\s*页$");

    /** A margin line found on this many pages is a running header or footer. */
    static final int MIN_RUNNING_PAGES = 2;

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Pages read at most when no limit is given: far beyond any real report (they run to tens of pages). */
    public static final int DEFAULT_MAX_PAGES = 500;

    private final PageTables pageTables = new PageTables();
    private final int maxPages;

    public PdfExtractor() {
        this(DEFAULT_MAX_PAGES);
    }

    /** @param maxPages a PDF with more pages is refused before any page is read */
    public PdfExtractor(int maxPages) {
        this.maxPages = maxPages;
    }

    @Override
    public ExtractedDocument apply(SourceDocument source) {
        String file = source.fileName();
        try (PDDocument doc = load(source)) {
            int count = doc.getNumberOfPages();
            if (count == 0) throw new UnreadableInputException(file, "PDF 中没有任何页面");
            if (count > maxPages) {
                throw new UnreadableInputException(file, "PDF 共 " + count + " 页，超过每份报告 " + maxPages + " 页的上限，未读取");
            }
            UnicodeRepair.repair(doc);
            List<Finding> problems = new ArrayList<>();
            List<ReadingOrder.PageContent> pages = new ArrayList<>();
            List<Integer> scanned = new ArrayList<>();
            int textChars = 0;
            PageReader reader = new PageReader(doc);
            for (int p = 1; p <= count; p++) {
                PDPage pdPage = doc.getPage(p - 1);
                Page page;
                boolean drewImages;
                long shownText;
                try {
                    PageReader.Read read = reader.read(p);
                    page = read.page();
                    drewImages = read.drewImages();
                    shownText = read.shownTextBytes();
                } catch (IOException | RuntimeException e) {
                    problems.add(FindingCode.UNREADABLE_PAGE.finding("第 " + p + " 页",
                            "第 " + p + " 页内容已损坏，无法读取（" + e.getClass().getSimpleName() + "），该页内容未纳入审核",
                            Location.page(p)));
                    continue;
                }
                StringBuilder text = new StringBuilder();
                page.getText().forEach(g -> text.append(g.getText()));
                TextLayer.Counts counts = TextLayer.count(text);
                textChars += counts.visible();
                // Glyphs of a font without a Unicode mapping are dropped by the text stripper, so
                // such a page can look empty: the fonts are asked before the text is counted.
                String unmappable = TextLayer.unmappableFont(pdPage);
                boolean textLost = counts.visible() < TextLayer.MIN_TEXT_CHARS && shownText >= TextLayer.MIN_TEXT_CHARS;
                if (unmappable != null || counts.share() > TextLayer.GARBLED_SHARE || textLost) {
                    problems.add(garbled(p, counts, unmappable));
                    continue;
                }
                if (counts.visible() < TextLayer.MIN_TEXT_CHARS) {
                    if (drewImages || TextLayer.hasImages(pdPage)) scanned.add(p);
                    continue;
                }
                PageTables.Layout layout = pageTables.read(page);
                pages.add(new ReadingOrder.PageContent(p, (float) page.getHeight(), layout.tables(), layout.lines()));
            }
            pages = withoutRunningLines(pages);
            if (textChars < TextLayer.MIN_TEXT_CHARS && !scanned.isEmpty()) {
                throw new UnreadableInputException(file, "PDF 是扫描件或图片，没有文字层（共 " + count
                        + " 页，均无可提取的文字），无法读取其中的表格和数字；请提交由 Word、WPS 或 Excel 直接导出的 PDF，或原始文档");
            }
            if (pages.isEmpty() && !problems.isEmpty()) {
                // Nothing readable at all: a report made of these problems would only mislead.
                throw new UnreadableInputException(file, "PDF 中没有可读取的页面：" + problems.get(0).message());
            }
            for (int p : scanned) {
                problems.add(FindingCode.NO_TEXT_LAYER.finding("第 " + p + " 页",
                        "第 " + p + " 页是扫描图片，没有文字层，该页内容无法读取和核对", Location.page(p)));
            }
            return new ExtractedDocument(source, count, ReadingOrder.blocks(pages), problems);
        } catch (IOException e) {
            throw new UnreadableInputException(file, "PDF 读取失败，文件可能已损坏：" + e.getMessage(), e);
        } catch (UnreadableInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // PDFBox signals a broken object graph (a page tree that loops, an object of the wrong
            // type where a page should be) with unchecked exceptions.
            String what = e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("recursion")
                    ? "页面树循环引用自身" : "对象结构不合规范（" + e.getClass().getSimpleName() + "）";
            throw new UnreadableInputException(file, "PDF 文件已损坏，无法解析：" + what, e);
        }
    }

    /**
     * How far from the end of the file its %%EOF marker may stand: writers may add a line end or a
     * few bytes of padding after it, never kilobytes.
     */
    static final int EOF_MARKER_WINDOW = 1024;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static PDDocument load(SourceDocument source) {
        String file = source.fileName();
        if (!endsWithEofMarker(source.bytes())) {
            // PDFBox would recover the pages before the cut and make a report of half a file.
            throw new UnreadableInputException(file, "PDF 文件不完整（缺少文件结尾标记），可能在上传或复制时被截断；请重新提交完整的文件");
        }
        try {
            return PDDocument.load(source.bytes(), "", null, null, MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES));
        } catch (InvalidPasswordException e) {
            throw new UnreadableInputException(file, "PDF 已加密，需要密码才能打开；请提交未加密的文件", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file, "PDF 文件已损坏，无法解析（" + e.getMessage() + "）", e);
        }
    }

    private static boolean endsWithEofMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - EOF_MARKER_WINDOW);
        outer:
        for (int i = bytes.length - EOF_MARKER.length; i >= from; i--) {
            for (int k = 0; k < EOF_MARKER.length; k++) {
                if (bytes[i + k] != EOF_MARKER[k]) continue outer;
            }
            return true;
        }
        return false;
    }

    private static Finding garbled(int page, TextLayer.Counts counts, String font) {
        String why = font != null
                ? "字体“" + font + "”没有到 Unicode 的映射（缺少 ToUnicode 表）"
                : counts.visible() < TextLayer.MIN_TEXT_CHARS
                ? "页面上显示的文字无法转换为字符"
                : String.format(Locale.ROOT, "%d 个字符中有 %d 个无法识别（替换符或私用区字符）", counts.visible(), counts.unreadable());
        return FindingCode.GARBLED_TEXT.finding("第 " + page + " 页",
                "第 " + page + " 页的文字无法正确提取（" + why + "），该页内容未纳入审核；请重新导出 PDF 并嵌入字体",
                Location.page(page));
    }

    /**
     * Drops what the page layout repeats rather than the report says: page numbers in the top or
     * bottom margin, and the repeats of running headers and footers (the same line, numbers
     * aside, in the margin of two or more pages). Left in, they would also stand between a table
     * and its continuation.
     */
    private static List<ReadingOrder.PageContent> withoutRunningLines(List<ReadingOrder.PageContent> pages) {
        Map<String, Integer> marginTexts = new HashMap<>();
        for (ReadingOrder.PageContent p : pages) {
            Set<String> seen = new HashSet<>();
            for (TextLine l : p.lines()) {
                if (inMargin(l, p.height()) && seen.add(withoutDigits(l.text()))) marginTexts.merge(withoutDigits(l.text()), 1, Integer::sum);
            }
        }
        List<ReadingOrder.PageContent> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (ReadingOrder.PageContent p : pages) {
            List<TextLine> kept = new ArrayList<>();
            for (TextLine l : p.lines()) {
                boolean margin = inMargin(l, p.height());
                String key = withoutDigits(l.text());
                // The first showing of a repeated line stays: a form title printed again on
                // every page is still the document's title.
                boolean repeated = margin && marginTexts.getOrDefault(key, 0) >= MIN_RUNNING_PAGES && !shown.add(key);
                if (!(margin && PAGE_NUMBER.matcher(l.text()).matches()) && !repeated) kept.add(l);
            }
            out.add(new ReadingOrder.PageContent(p.page(), p.height(), p.tables(), kept));
        }
        return out;
    }

    private static boolean inMargin(TextLine l, float pageHeight) {
        return l.bottom() < pageHeight * MARGIN_BAND || l.top() > pageHeight * (1 - MARGIN_BAND);
    }

    private static String withoutDigits(String s) {
        return DIGITS.matcher(s).replaceAll("#");
    }
}

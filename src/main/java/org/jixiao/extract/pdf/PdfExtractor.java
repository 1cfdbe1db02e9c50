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
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jixiao.extract.ocr.OcrLimitException;
import org.jixiao.extract.ocr.OcrMode;
import org.jixiao.extract.ocr.OcrPage;
import org.jixiao.extract.ocr.OcrPageReader;
import org.jixiao.extract.ocr.OcrUnavailableException;
import org.jixiao.extract.ocr.OcrProcess;
import org.jixiao.extract.ocr.TextRecognizer;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import technology.tabula.Page;

/**
 * Reads a PDF report into blocks: per page the tables (ruled or not) and the lines around them,
 * then the lines assembled into paragraphs and tables continued on the next page joined
 * ({@link ReadingOrder}).
 *
 * <p>A PDF that cannot be opened (encrypted, damaged) is refused with a Chinese reason. A page
 * without a usable text layer (an image only, or garbled text) is read by OCR ({@link OcrMode}):
 * its tables and lines join the others, so a mostly digital PDF with one scanned page is read
 * whole; each such page is named in a finding, and a page recognised with too little confidence
 * is left out with a finding instead of giving wrong figures. With OCR off, such pages become
 * problems of the document and a PDF of scans only is refused.
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

    /**
     * Resolution scanned pages are rendered at for OCR: 10-point text is then about 28 pixels
     * high, which the recogniser reads reliably; more costs time without gaining accuracy.
     */
    static final int OCR_DPI = 200;

    /**
     * A page whose characters were recognised with a mean score below this is not trusted: on the
     * scanned corpus, pages read right score 0.9 and more, and a page of noise or handwriting far less.
     */
    static final double MIN_OCR_CONFIDENCE = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(PdfExtractor.class);

    private final PageTables pageTables = new PageTables();
    private final int maxPages;
    private final OcrMode ocr;
    private final TextRecognizer recognizer;

    public PdfExtractor() {
        this(DEFAULT_MAX_PAGES);
    }

    /**
     * @param maxPages a PDF with more pages is refused before any page is read; OCR as this JVM
     *                 was configured ({@link OcrMode#configured()})
     */
    public PdfExtractor(int maxPages) {
        this(maxPages, OcrMode.configured(), new OcrProcess());
    }

    /** @param ocr which pages are recognised by OCR, with {@code recognizer} */
    public PdfExtractor(int maxPages, OcrMode ocr, TextRecognizer recognizer) {
        this.maxPages = maxPages;
        this.ocr = ocr;
        this.recognizer = recognizer;
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
            Recognition recognition = new Recognition(doc, file, count);
            for (int p = 1; p <= count; p++) {
                PDPage pdPage = doc.getPage(p - 1);
                if (ocr == OcrMode.FORCE && recognition.read(p, pages, problems)) {
                    textChars += TextLayer.MIN_TEXT_CHARS;
                    continue;
                }
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
                    if (ocr == OcrMode.AUTO && recognition.read(p, pages, problems)) {
                        textChars += TextLayer.MIN_TEXT_CHARS;
                    } else {
                        problems.add(garbled(p, counts, unmappable));
                    }
                    continue;
                }
                if (counts.visible() < TextLayer.MIN_TEXT_CHARS) {
                    boolean image = drewImages || TextLayer.hasImages(pdPage);
                    if (image && ocr == OcrMode.AUTO && recognition.read(p, pages, problems)) {
                        textChars += TextLayer.MIN_TEXT_CHARS;
                    } else if (image) {
                        scanned.add(p);
                    }
                    continue;
                }
                PageTables.Layout layout = pageTables.read(page);
                pages.add(new ReadingOrder.PageContent(p, (float) page.getHeight(), layout.tables(), layout.lines()));
            }
            pages = withoutRunningLines(pages);
            if (textChars < TextLayer.MIN_TEXT_CHARS && !scanned.isEmpty()) {
                throw new UnreadableInputException(file, "PDF 是扫描件或图片，没有文字层" + recognition.why() + "（共 " + count
                        + " 页，均无可提取的文字），无法读取其中的表格和数字；请提交由 Word、WPS 或 Excel 直接导出的 PDF，或原始文档");
            }
            if (pages.isEmpty() && !problems.isEmpty()) {
                // Nothing readable at all: a report made of these problems would only mislead.
                throw new UnreadableInputException(file, "PDF 中没有可读取的页面：" + problems.get(0).message());
            }
            for (int p : scanned) {
                problems.add(FindingCode.NO_TEXT_LAYER.finding("第 " + p + " 页",
                        "第 " + p + " 页是扫描图片，没有文字层，该页内容无法读取和核对" + recognition.why(), Location.page(p)));
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
     * OCR of the pages of one document: renders a page, reads it, and either adds its content or
     * says why not. Once the engine proved unavailable, no further page is tried.
     */
    private final class Recognition {
        private final PDFRenderer renderer;
        private final String file;
        private final int count;
        private String unavailable;

        Recognition(PDDocument doc, String file, int count) {
            this.renderer = new PDFRenderer(doc);
            this.file = file;
            this.count = count;
        }

        /** True when page p was recognised and its content (or its low-confidence finding) added. */
        boolean read(int p, List<ReadingOrder.PageContent> pages, List<Finding> problems) {
            if (ocr == OcrMode.OFF || unavailable != null) return false;
            if (Thread.currentThread().isInterrupted()) {
                throw new UnreadableInputException(file, "文字识别（OCR）被中断：处理超时");
            }
            long started = System.nanoTime();
            OcrPage read;
            try {
                read = new OcrPageReader(recognizer).read(renderer.renderImageWithDPI(p - 1, OCR_DPI, ImageType.RGB), OCR_DPI, p);
            } catch (OcrUnavailableException e) {
                unavailable = e.getMessage();
                LOG.warn("OCR unavailable: {}", e.getMessage(), e);
                return false;
            } catch (OcrLimitException e) {
                LOG.warn("OCR of page {} of {} stopped: {}", p, file, e.getMessage());
                problems.add(FindingCode.UNREADABLE_PAGE.finding("第 " + p + " 页",
                        "第 " + p + " 页是扫描图片，" + e.getMessage() + "，该页内容未纳入审核", Location.page(p)));
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.warn("OCR of page {} of {} failed", p, file, e);
                problems.add(FindingCode.UNREADABLE_PAGE.finding("第 " + p + " 页",
                        "第 " + p + " 页是扫描图片，文字识别（OCR）失败（" + e.getClass().getSimpleName() + "），该页内容未纳入审核",
                        Location.page(p)));
                return true;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            ScanProgress.pageRead(file, p, count, millis);
            LOG.info("{}: OCR page {}/{} in {} ms, {} characters, confidence {}", file, p, count, millis, read.characters(),
                    String.format(Locale.ROOT, "%.3f", read.confidence()));
            // Nothing recognised (a photograph, a signature alone): the page stays a scan without text.
            if (read.characters() == 0) return false;
            String confidence = String.format(Locale.ROOT, "%.2f", read.confidence());
            if (read.confidence() < MIN_OCR_CONFIDENCE) {
                problems.add(FindingCode.OCR_LOW_CONFIDENCE.finding("第 " + p + " 页",
                        "第 " + p + " 页是扫描图片，文字识别（OCR）的平均置信度只有 " + confidence + "（低于 "
                                + MIN_OCR_CONFIDENCE + "），为免读出错误数字，该页内容未纳入审核；请提交更清晰的扫描件或原始文档",
                        Location.page(p)));
                return true;
            }
            pages.add(new ReadingOrder.PageContent(p, read.height(), read.tables(), read.lines(), read.lineConfidences()));
            problems.add(FindingCode.OCR_PAGE.finding("第 " + p + " 页",
                    "第 " + p + " 页的内容是从扫描图像识别（OCR）出来的（平均置信度 " + confidence + turnedAndSkewed(read)
                            + "），其中的数字请对照原件核对", Location.page(p)));
            return true;
        }

        /** Why scanned pages stayed unread: OCR off or unavailable (empty when neither applies). */
        String why() {
            if (ocr == OcrMode.OFF) return "（文字识别已关闭：--ocr off）";
            return unavailable == null ? "" : "（" + unavailable + "）";
        }
    }

    private static String turnedAndSkewed(OcrPage read) {
        StringBuilder sb = new StringBuilder();
        if (read.turned() != 0) sb.append("，页面已旋转 ").append(read.turned() * 90).append("°");
        if (Math.abs(read.skew()) >= 0.1) sb.append(String.format(Locale.ROOT, "，已纠正 %.1f° 倾斜", read.skew()));
        return sb.toString();
    }

    /**
     * How far from the end of the file its %%EOF marker may stand: writers may add a line end or a
     * few bytes of padding after it, never kilobytes.
     */
    static final int EOF_MARKER_WINDOW = 1024;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static PDDocument load(SourceDocument source) {
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
            List<Double> keptConfidences = new ArrayList<>();
            for (int i = 0; i < p.lines().size(); i++) {
                TextLine l = p.lines().get(i);
                boolean margin = inMargin(l, p.height());
                String key = withoutDigits(l.text());
                // The first showing of a repeated line stays: a form title printed again on
                // every page is still the document's title.
                boolean repeated = margin && marginTexts.getOrDefault(key, 0) >= MIN_RUNNING_PAGES && !shown.add(key);
                if (!(margin && PAGE_NUMBER.matcher(l.text()).matches()) && !repeated) {
                    kept.add(l);
                    if (p.confidence(i) != null) keptConfidences.add(p.confidence(i));
                }
            }
            out.add(new ReadingOrder.PageContent(p.page(), p.height(), p.tables(), kept, keptConfidences));
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

package org.jixiao.extract.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.model.SourceDocument;

/**
 * The pages of a PDF original as a reviewer sees them beside the report: one page drawn as a PNG,
 * and where a finding's figure (or its row label) is printed on a page, found through the text
 * layer's character positions. Findings carry a page and a table row, not coordinates: the figure
 * is found again by its value ({@code 2,329.60} and {@code 2329.6} are the same figure), the label
 * by its characters with spaces ignored. Parses an untrusted file: run it where a hostile file
 * can be stopped (a reading child process).
 */
public final class PdfPages {

    /**
     * Resolution a page is drawn at: an A4 page is 992 × 1403 pixels, 10-point text about 17
     * pixels high — readable beside the report on a 1366-pixel screen, and a PNG of 100–300 KB.
     */
    public static final int DPI = 120;

    /**
     * Longest side of a drawn page in pixels: a page declared metres wide (a hostile or broken
     * file) is drawn smaller instead of taking gigabytes; A3 at {@link #DPI} is 1984 pixels high.
     */
    static final int MAX_SIDE_PIXELS = 4000;

    /** PDF user space units per inch. */
    private static final float POINTS_PER_INCH = 72f;

    /**
     * A figure's row is its label's: a candidate's distance to a label counts its vertical offset
     * this many times more than its horizontal one, so the figure on the label's row wins over one
     * nearer across rows.
     */
    static final double ROW_WEIGHT = 10;

    /** A label that wraps inside its cell is found by its first characters: never fewer than this. */
    static final int MIN_LABEL_PREFIX = 4;

    /** A number as printed: thousands separators (ASCII or full-width commas), decimals. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?![\\d])");

    private final int maxPages;

    /** @param maxPages a PDF with more pages is refused, as the extractor refuses it */
    public PdfPages(int maxPages) {
        this.maxPages = maxPages;
    }

    /** How many pages the document has; a PDF over the page limit is unreadable. */
    public int count(SourceDocument source) {
        try (PDDocument doc = open(source)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code page} (1-based) as a PNG at {@link #DPI}; a page out of range gives the count only. */
    public PageImage render(SourceDocument source, int page) {
        try (PDDocument doc = open(source)) {
            int pages = doc.getNumberOfPages();
            if (page < 1 || page > pages) return PageImage.outOfRange(pages, page);
            PDPage pd = doc.getPage(page - 1);
            PDRectangle box = pd.getCropBox();
            float longest = Math.max(box.getWidth(), box.getHeight());
            float scale = Math.min(DPI / POINTS_PER_INCH, MAX_SIDE_PIXELS / Math.max(longest, 1f));
            BufferedImage image = new PDFRenderer(doc).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new PageImage(pages, page, png.toByteArray());
        } catch (IOException e) {
            throw new UnreadableInputException(source.fileName(), "PDF 页面无法绘制（" + e.getMessage() + "）", e);
        }
    }

    /**
     * Where the query's figure (a number as the report gives it) and label (a row label, an
     * indicator's name) are printed on its page; with page 0, on the first page where the figure
     * is found (beside its label if possible), else the label. Either text may be null.
     */
    public PageHighlights find(SourceDocument source, FigureQuery query) {
        int page = query.page();
        BigDecimal value = number(query.figure());
        String labelKey = query.label() == null ? "" : squeeze(query.label());
        Boolean inTable = query.inTable();
        try (PDDocument doc = open(source)) {
            int pages = doc.getNumberOfPages();
            if (page < 0 || page > pages) return new PageHighlights(pages, 0, false, List.of());
            UnicodeRepair.repair(doc);
            if (page > 0) return onPage(doc, pages, page, value, labelKey, inTable);
            PageHighlights best = null;
            int bestScore = 0;
            for (int p = 1; p <= pages; p++) {
                PageHighlights found = onPage(doc, pages, p, value, labelKey, inTable);
                int score = score(found);
                if (score > bestScore) {
                    best = found;
                    bestScore = score;
                }
            }
            return best == null ? new PageHighlights(pages, 0, true, List.of()) : best;
        } catch (IOException e) {
            throw new UnreadableInputException(source.fileName(), "PDF 页面文字无法读取（" + e.getMessage() + "）", e);
        }
    }

    /** A page with the figure beside its label beats one with the figure alone, which beats one with the label alone. */
    private static int score(PageHighlights found) {
        boolean figure = found.boxes().stream().anyMatch(b -> b.kind().equals(FIGURE));
        boolean label = found.boxes().stream().anyMatch(b -> b.kind().equals(LABEL));
        return figure ? (label ? 3 : 2) : (label ? 1 : 0);
    }

    static final String FIGURE = "figure";
    static final String LABEL = "label";

    private PDDocument open(SourceDocument source) {
        PDDocument doc = PdfExtractor.load(source);
        int pages = doc.getNumberOfPages();
        if (pages > maxPages) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // refused anyway
            }
            throw new UnreadableInputException(source.fileName(), "PDF 共 " + pages + " 页，超过每份报告 " + maxPages + " 页的上限，未显示");
        }
        return doc;
    }

    /**
     * The figure's occurrences on the page — first those standing where the finding read it (a
     * table cell or the prose), among them the one nearest a label occurrence — then the label's
     * occurrences (a label alone is what is shown when no figure is found, such as for a
     * duplicated indicator).
     */
    private PageHighlights onPage(PDDocument doc, int pages, int page, BigDecimal value, String labelKey, Boolean inTable)
            throws IOException {
        List<Line> lines = lines(doc, page);
        int visible = 0;
        for (Line l : lines) visible += TextLayer.count(l.text).visible();
        if (visible < TextLayer.MIN_TEXT_CHARS) return new PageHighlights(pages, page, false, List.of());
        PDPage pd = doc.getPage(page - 1);
        PDRectangle crop = pd.getCropBox();
        boolean sideways = pd.getRotation() % 180 != 0;
        double width = sideways ? crop.getHeight() : crop.getWidth();
        double height = sideways ? crop.getWidth() : crop.getHeight();
        List<PageHighlights.Box> figures = new ArrayList<>();
        List<PageHighlights.Box> elsewhere = new ArrayList<>();
        List<PageHighlights.Box> labels = new ArrayList<>();
        for (Line l : lines) {
            if (value != null) {
                Matcher m = NUMBER.matcher(l.text);
                while (m.find()) {
                    if (number(m.group()) != null && number(m.group()).compareTo(value) == 0) {
                        int end = m.end() < l.text.length() && l.text.charAt(m.end()) == '%' ? m.end() + 1 : m.end();
                        boolean where = inTable == null || inTable == l.standsAlone(m.start(), end);
                        (where ? figures : elsewhere).add(l.box(m.start(), end, width, height, FIGURE));
                    }
                }
            }
            if (!labelKey.isEmpty()) labels.addAll(l.find(labelKey, width, height));
        }
        if (labels.isEmpty() && labelKey.length() > MIN_LABEL_PREFIX) {
            // A label wrapped inside its cell: its first line, as long a start of it as is found.
            for (int n = labelKey.length() - 1; n >= MIN_LABEL_PREFIX && labels.isEmpty(); n--) {
                for (Line l : lines) labels.addAll(l.find(labelKey.substring(0, n), width, height));
            }
        }
        List<PageHighlights.Box> boxes = new ArrayList<>();
        if (!labels.isEmpty()) {
            figures.sort(Comparator.comparingDouble(f -> distance(f, labels)));
            elsewhere.sort(Comparator.comparingDouble(f -> distance(f, labels)));
        }
        boxes.addAll(figures);
        boxes.addAll(elsewhere);
        boxes.addAll(labels);
        return new PageHighlights(pages, page, true, boxes);
    }

    /** From a figure to the nearest label, rows counting more than columns. */
    private static double distance(PageHighlights.Box figure, List<PageHighlights.Box> labels) {
        double best = Double.MAX_VALUE;
        for (PageHighlights.Box l : labels) {
            double dy = Math.abs((figure.y() + figure.height() / 2) - (l.y() + l.height() / 2));
            double dx = Math.abs(figure.x() - (l.x() + l.width()));
            best = Math.min(best, dy * ROW_WEIGHT + dx);
        }
        return best;
    }

    /** The page's text in lines, each character with its position. */
    private static List<Line> lines(PDDocument doc, int page) throws IOException {
        Positions stripper = new Positions();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        stripper.endLine();
        return stripper.lines;
    }

    /** The value of a number as printed or as the report gives it; null when it is none. */
    static BigDecimal number(String text) {
        if (text == null) return null;
        String s = fold(text.strip()).replace(",", "").replace("%", "").strip();
        if (s.isEmpty() || !s.matches("-?\\d+(\\.\\d+)?")) return null;
        return new BigDecimal(s);
    }

    /** Full-width digits, commas, points and percent signs as their ASCII forms (one char for one: positions stay). */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') c = (char) ('0' + (c - '０'));
            else if (c == '，') c = ',';
            else if (c == '．') c = '.';
            else if (c == '％') c = '%';
            b.append(c);
        }
        return b.toString();
    }

    private static String squeeze(String s) {
        return fold(s).replaceAll("[\\s\\u3000\\u00A0]+", "");
    }

    /** One line of the page: its text (folded) and, for each char, the position it came from (null for a space the stripper put in). */
    private static final class Line {
        final String text;
        final List<TextPosition> at;

        Line(String text, List<TextPosition> at) {
            this.text = text;
            this.at = at;
        }

        /**
         * Whether chars {@code [start, end)} are a word of their own — a table cell's content,
         * which the stripper separates by the gap between cells — rather than figures run into
         * the words of a sentence (followed by 万元, 。 or ，).
         */
        boolean standsAlone(int start, int end) {
            boolean before = start == 0 || text.charAt(start - 1) == ' ';
            boolean after = end == text.length() || text.charAt(end) == ' ';
            return before && after;
        }

        /** Every occurrence of {@code key} (no spaces) in this line, spaces between its characters skipped. */
        List<PageHighlights.Box> find(String key, double width, double height) {
            StringBuilder squeezed = new StringBuilder();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0') continue;
                squeezed.append(c);
                index.add(i);
            }
            List<PageHighlights.Box> found = new ArrayList<>();
            for (int from = squeezed.indexOf(key); from >= 0; from = squeezed.indexOf(key, from + key.length())) {
                found.add(box(index.get(from), index.get(from + key.length() - 1) + 1, width, height, LABEL));
            }
            return found;
        }

        /** The rectangle around chars {@code [start, end)}, as shares of the page as shown. */
        PageHighlights.Box box(int start, int end, double width, double height, String kind) {
            double left = Double.MAX_VALUE;
            double top = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (int i = start; i < end; i++) {
                TextPosition p = at.get(i);
                if (p == null) continue;
                // getX/getY are turned with the page as it is shown; getY is the baseline. The glyph
                // height PDFBox gives is often far below the font size for CJK fonts: the font
                // size bounds the line instead, with its descent below the baseline.
                double size = Math.max(p.getHeight(), p.getFontSizeInPt());
                left = Math.min(left, p.getX());
                right = Math.max(right, p.getX() + p.getWidth());
                top = Math.min(top, p.getY() - size * ASCENT);
                bottom = Math.max(bottom, p.getY() + size * DESCENT);
            }
            String shown = text.substring(start, end);
            return new PageHighlights.Box(clamp(left / width), clamp(top / height), clamp((right - left) / width),
                    clamp((bottom - top) / height), shown, kind);
        }
    }

    /** Share of the font size above the baseline a line's glyphs reach (CJK glyphs fill about 0.88 of the em). */
    static final double ASCENT = 0.9;
    /** Share of the font size below the baseline (descenders, the bottom of CJK glyphs). */
    static final double DESCENT = 0.2;

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }

    /** PDFBox's own line and word finding, each char kept with its position. */
    private static final class Positions extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private StringBuilder text = new StringBuilder();
        private List<TextPosition> at = new ArrayList<>();

        Positions() throws IOException {
            super();
        }

        @Override
        protected void writeString(String ignored, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                String u = fold(p.getUnicode() == null ? "" : p.getUnicode());
                for (int i = 0; i < u.length(); i++) {
                    text.append(u.charAt(i));
                    at.add(p);
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
            at.add(null);
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        void endLine() {
            if (text.length() > 0) lines.add(new Line(text.toString(), at));
            text = new StringBuilder();
            at = new ArrayList<>();
        }
    }
}

package org.jixiao.extract.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jixiao.extract.table.GridCell;
import org.jixiao.extract.table.TableFragment;
import org.jixiao.extract.table.TextLine;
import org.jixiao.extract.table.TextLines;

/**
 * Reads one scanned page image into the tables and lines a page with a text layer gives: the page
 * cleaned and turned upright ({@link PageImage}), its text recognised, its ruled grids found
 * ({@link GridFinder}), each text box placed in its cell, and the text outside the grids gathered
 * into lines in reading order.
 */
public final class OcrPageReader {

    /** Method name of a table read from a page image (the text layer's are "lattice" and "stream"). */
    public static final String METHOD = "ocr";

    private static final float POINTS_PER_INCH = 72f;

    /** A box this many times taller than wide holds a line of text written downwards: the page lies on its side. */
    static final double TALL_RATIO = 1.5;

    /** Boxes of one line overlap vertically by at least this share of the smaller one. */
    static final double SAME_LINE_OVERLAP = 0.5;

    private final TextRecognizer recognizer;

    public OcrPageReader(TextRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    /**
     * @param image the page as rendered (colour: the red of a seal is told apart by its colour)
     * @param dpi   the resolution it was rendered at
     * @param page  1-based page number, carried by the tables' rows
     */
    public OcrPage read(BufferedImage image, int dpi, int page) {
        BufferedImage grey = PageImage.withoutSeal(image);
        double skew = PageImage.skewDegrees(PageImage.binarise(grey));
        grey = PageImage.rotate(grey, -skew);
        TextRecognizer.Recognition found = recognizer.recognize(grey);
        int turns = 0;
        if (lyingOnItsSide(found.texts())) {
            grey = PageImage.quarterTurns(grey, 1);
            turns = 1;
            found = recognizer.recognize(grey);
        }
        List<RecognizedText> texts = found.texts();
        if (found.upsideDown()) {
            int w = grey.getWidth();
            int h = grey.getHeight();
            grey = PageImage.quarterTurns(grey, 2);
            turns += 2;
            List<RecognizedText> turned = new ArrayList<>();
            for (RecognizedText t : texts) {
                turned.add(new RecognizedText(t.text(), w - t.right(), h - t.bottom(), w - t.left(), h - t.top(), t.confidence()));
            }
            texts = turned;
        }
        List<GridFinder.Grid> grids = new GridFinder(dpi).find(PageImage.rulingInk(grey));
        List<RecognizedText> all = new ArrayList<>(texts);
        all.addAll(rereadEmptyCells(grey, grids, texts, dpi));
        return layout(all, grids, dpi, page, grey.getHeight(), turns, skew);
    }

    /** A cell's edges are left out by this much (inches) when it is looked at for ink: the rulings and their blur. */
    static final double CELL_MARGIN_INCH = 0.04;

    /**
     * Ink (in square inches) a cell must hold to be read again: a digit of 10-point text has about
     * 0.004; specks of scanner noise and the stubs of rulings far less.
     */
    static final double MIN_CELL_INK_SQUARE_INCH = 0.0016;

    /** Paper left around the ink of a cell read again (inches): the detector needs a margin round a character. */
    static final double TILE_PADDING_INCH = 0.06;

    /** Space between the cells put side by side to be read again (inches): wider than a gap between words. */
    static final double TILE_GAP_INCH = 0.2;

    /**
     * Cells read again are enlarged this many times: a lone digit of 10-point text is some 14 by
     * 18 pixels at 200 dpi, below the size the detector finds reliably even at full scale.
     */
    static final int TILE_SCALE = 2;

    /**
     * The text of the cells of the grids that hold ink but no recognised text. The detector sees
     * the page scaled down, and loses a lone short figure in a large empty cell (the 4 of a 分值
     * column); put side by side on a small image, such cells are seen at full size. One more call
     * to the engine per page, none when no cell was missed.
     */
    List<RecognizedText> rereadEmptyCells(BufferedImage grey, List<GridFinder.Grid> grids, List<RecognizedText> texts, int dpi) {
        List<int[]> missed = missedCells(PageImage.binarise(grey), grids, texts, dpi);
        if (missed.isEmpty()) return List.of();
        int pad = (int) Math.round(TILE_PADDING_INCH * dpi);
        int gap = (int) Math.round(TILE_GAP_INCH * dpi) * TILE_SCALE;
        // Tiles in rows no wider than the detector's side: the image is not scaled down again.
        int maxWidth = RapidOcrRecognizer.DETECTION_SIDE;
        List<int[]> tiles = new ArrayList<>();
        int x = gap;
        int y = gap;
        int rowHeight = 0;
        int width = 0;
        for (int[] m : missed) {
            int w = (m[2] - m[0] + 2 * pad) * TILE_SCALE;
            int h = (m[3] - m[1] + 2 * pad) * TILE_SCALE;
            if (x > gap && x + w + gap > maxWidth) {
                x = gap;
                y += rowHeight + gap;
                rowHeight = 0;
            }
            // {x, y on the montage, x, y of the padded ink box on the page, width, height on the montage}
            tiles.add(new int[] {x, y, m[0] - pad, m[1] - pad, w, h});
            x += w + gap;
            width = Math.max(width, x);
            rowHeight = Math.max(rowHeight, h);
        }
        BufferedImage montage = new BufferedImage(width, y + rowHeight + gap, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = montage.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, montage.getWidth(), montage.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int[] t : tiles) {
            int sx = Math.max(0, t[2]);
            int sy = Math.max(0, t[3]);
            int sw = Math.min(grey.getWidth() - sx, t[4] / TILE_SCALE);
            int sh = Math.min(grey.getHeight() - sy, t[5] / TILE_SCALE);
            if (sw <= 0 || sh <= 0) continue;
            int dx = t[0] + (sx - t[2]) * TILE_SCALE;
            int dy = t[1] + (sy - t[3]) * TILE_SCALE;
            g.drawImage(grey.getSubimage(sx, sy, sw, sh), dx, dy, dx + sw * TILE_SCALE, dy + sh * TILE_SCALE, 0, 0, sw, sh, null);
        }
        g.dispose();
        List<RecognizedText> found = new ArrayList<>();
        // Upright: the page is upright already, and the angle classifier, unsure of lone digits,
        // would turn a 6 into a 9.
        for (RecognizedText r : recognizer.recognizeUpright(montage).texts()) {
            for (int[] t : tiles) {
                if (r.centerX() < t[0] || r.centerX() >= t[0] + t[4] || r.centerY() < t[1] || r.centerY() >= t[1] + t[5]) continue;
                found.add(new RecognizedText(r.text(), onPage(r.left(), t[0], t[4], t[2]), onPage(r.top(), t[1], t[5], t[3]),
                        onPage(r.right(), t[0], t[4], t[2]), onPage(r.bottom(), t[1], t[5], t[3]), r.confidence()));
                break;
            }
        }
        return found;
    }

    /** A coordinate on a tile of the montage (kept inside the tile) as the page's. */
    private static int onPage(int v, int tileStart, int tileSize, int pageStart) {
        int inTile = Math.max(0, Math.min(tileSize, v - tileStart));
        return pageStart + inTile / TILE_SCALE;
    }

    /** The ink boxes {left, top, right, bottom} of the grid cells that hold ink and no recognised box. */
    static List<int[]> missedCells(Bitmap ink, List<GridFinder.Grid> grids, List<RecognizedText> texts, int dpi) {
        int margin = Math.max(2, (int) Math.round(CELL_MARGIN_INCH * dpi));
        int minInk = (int) Math.round(MIN_CELL_INK_SQUARE_INCH * dpi * dpi);
        List<int[]> out = new ArrayList<>();
        for (GridFinder.Grid grid : grids) {
            for (GridFinder.Cell c : grid.cells()) {
                int x0 = grid.xs().get(c.column()) + margin;
                int x1 = grid.xs().get(c.column() + c.columnSpan()) - margin;
                int y0 = grid.ys().get(c.row()) + margin;
                int y1 = grid.ys().get(c.row() + c.rowSpan()) - margin;
                if (x1 <= x0 || y1 <= y0) continue;
                boolean read = false;
                for (RecognizedText t : texts) {
                    if (t.left() < x1 && t.right() > x0 && t.top() < y1 && t.bottom() > y0) {
                        read = true;
                        break;
                    }
                }
                if (read) continue;
                int count = 0;
                int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        if (!ink.ink(x, y)) continue;
                        count++;
                        left = Math.min(left, x);
                        right = Math.max(right, x + 1);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y + 1);
                    }
                }
                if (count >= minInk) out.add(new int[] {left, top, right, bottom});
            }
        }
        return out;
    }

    static boolean lyingOnItsSide(List<RecognizedText> texts) {
        int tall = 0;
        int wide = 0;
        for (RecognizedText t : texts) {
            if (t.text().codePointCount(0, t.text().length()) < 2) continue;
            int w = t.right() - t.left();
            if (t.height() > TALL_RATIO * w) tall++;
            else if (w > TALL_RATIO * t.height()) wide++;
        }
        return tall > wide;
    }

    static OcrPage layout(List<RecognizedText> texts, List<GridFinder.Grid> ruled, int dpi, int page, int heightPixels,
                          int turns, double skew) {
        float scale = POINTS_PER_INCH / dpi;
        List<GridFinder.Grid> grids = new ArrayList<>();
        for (GridFinder.Grid g : ruled) grids.add(rowsFromLines(g, texts));
        List<Map<GridFinder.Cell, List<RecognizedText>>> inCells = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) inCells.add(new LinkedHashMap<>());
        List<RecognizedText> outside = new ArrayList<>();
        double scoreSum = 0;
        int characters = 0;
        for (RecognizedText read : texts) {
            RecognizedText t = new RecognizedText(corrected(read.text()), read.left(), read.top(), read.right(), read.bottom(), read.confidence());
            int n = t.text().codePointCount(0, t.text().length());
            scoreSum += t.confidence() * n;
            characters += n;
            int g = gridOf(grids, t);
            if (g < 0) {
                outside.add(t);
                continue;
            }
            for (RecognizedText part : splitAtCells(t, grids.get(g))) {
                GridFinder.Cell cell = grids.get(g).cellAt(part.centerX(), part.centerY());
                if (cell == null) outside.add(part);
                else inCells.get(g).computeIfAbsent(cell, k -> new ArrayList<>()).add(part);
            }
        }
        List<TableFragment> tables = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            GridFinder.Grid grid = grids.get(i);
            List<GridCell> cells = new ArrayList<>();
            for (GridFinder.Cell c : grid.cells()) {
                List<RecognizedText> in = inCells.get(i).getOrDefault(c, List.of());
                if (c.columnSpan() > 1 && figuresSideBySide(in, grid)) {
                    // The ruling between them was lost (under a seal, too faint): not a merged
                    // cell, whose text never stands as separate figures in separate columns.
                    for (int k = 0; k < c.columnSpan(); k++) {
                        int column = c.column() + k;
                        List<RecognizedText> slot = in.stream().filter(t -> slot(grid.xs(), t.centerX()) == column).toList();
                        cells.add(new GridCell(c.row(), c.rowSpan(), column, 1, cellText(slot), lowestConfidence(slot)));
                    }
                } else {
                    cells.add(new GridCell(c.row(), c.rowSpan(), c.column(), c.columnSpan(), cellText(in), lowestConfidence(in)));
                }
            }
            List<Float> edges = new ArrayList<>();
            for (int x : grid.xs()) edges.add(x * scale);
            int rows = grid.ys().size() - 1;
            List<Integer> rowPages = new ArrayList<>();
            for (int r = 0; r < rows; r++) rowPages.add(page);
            tables.add(new TableFragment(page, METHOD, grid.top() * scale, grid.bottom() * scale, edges, rows, cells, rowPages));
        }
        List<TextLine> lines = new ArrayList<>();
        List<Double> lineConfidences = new ArrayList<>();
        for (List<RecognizedText> line : lines(outside)) {
            lines.add(textLine(line, scale));
            lineConfidences.add(lowestConfidence(line));
        }
        double confidence = characters == 0 ? 1 : scoreSum / characters;
        return new OcrPage(heightPixels * scale, tables, lines, lineConfidences, confidence, characters, turns, skew);
    }

    /**
     * The confidence of text made of these boxes: the lowest of theirs, not the mean, since one
     * digit misread makes the figure wrong however sure the engine was of the others. Null for no box.
     */
    static Double lowestConfidence(List<RecognizedText> boxes) {
        Double lowest = null;
        for (RecognizedText t : boxes) {
            if (t.text().isBlank()) continue;
            lowest = lowest == null ? t.confidence() : Math.min(lowest, t.confidence());
        }
        return lowest;
    }

    /**
     * Lines with text in two columns or more that make a one-row grid a table of rows: two
     * paragraphs side by side, wrapped, stand in two or so such lines; a list of records in many.
     */
    static final int MIN_LINES_ACROSS = 3;

    /**
     * A grid of one row whose text stands in lines across its columns is a table ruled by
     * columns only (its row rulings not printed, or lost): its rows are its text lines, cut
     * half-way between them. A single row whose text is one cell's wrapped paragraph (lines in one
     * column only), or two short paragraphs side by side, stays one row.
     */
    static GridFinder.Grid rowsFromLines(GridFinder.Grid grid, List<RecognizedText> texts) {
        if (grid.ys().size() != 2 || grid.xs().size() < 3) return grid;
        List<RecognizedText> inside = texts.stream().filter(t -> grid.contains(t.centerX(), t.centerY())).toList();
        List<List<RecognizedText>> lines = lines(inside);
        int across = 0;
        for (List<RecognizedText> line : lines) {
            if (line.stream().mapToInt(t -> slot(grid.xs(), t.centerX())).distinct().count() >= 2) across++;
        }
        if (across < MIN_LINES_ACROSS || across * 2 < lines.size()) return grid;
        List<Integer> ys = new ArrayList<>();
        ys.add(grid.top());
        for (int i = 0; i + 1 < lines.size(); i++) {
            int bottom = lines.get(i).stream().mapToInt(RecognizedText::bottom).max().orElseThrow();
            int nextTop = top(lines.get(i + 1));
            ys.add(Math.max(ys.get(ys.size() - 1) + 1, (bottom + nextTop) / 2));
        }
        ys.add(grid.bottom());
        List<GridFinder.Cell> cells = new ArrayList<>();
        for (int r = 0; r + 1 < ys.size(); r++) {
            for (GridFinder.Cell c : grid.cells()) cells.add(new GridFinder.Cell(r, 1, c.column(), c.columnSpan()));
        }
        return new GridFinder.Grid(grid.xs(), List.copyOf(ys), cells);
    }

    private static final Pattern FIGURE = Pattern.compile("^[-+≥≤<>=]?[\\d,.]+%?$");

    /** True when one line of the boxes holds two figures standing in different column slots of the grid. */
    static boolean figuresSideBySide(List<RecognizedText> boxes, GridFinder.Grid grid) {
        for (List<RecognizedText> line : lines(boxes)) {
            long slots = line.stream().filter(t -> FIGURE.matcher(t.text()).matches())
                    .mapToInt(t -> slot(grid.xs(), t.centerX())).distinct().count();
            if (slots >= 2) return true;
        }
        return false;
    }

    private static int slot(List<Integer> edges, int x) {
        for (int i = 0; i + 1 < edges.size(); i++) {
            if (x >= edges.get(i) && x < edges.get(i + 1)) return i;
        }
        return -1;
    }

    private static int gridOf(List<GridFinder.Grid> grids, RecognizedText t) {
        for (int i = 0; i < grids.size(); i++) {
            if (grids.get(i).contains(t.centerX(), t.centerY())) return i;
        }
        return -1;
    }

    /**
     * A box the engine read across a ruling (two neighbouring cells read as one line) cut at the
     * cells: each character goes to the cell under its estimated position, a Chinese character
     * taking twice the width of a digit or letter.
     */
    static List<RecognizedText> splitAtCells(RecognizedText t, GridFinder.Grid grid) {
        GridFinder.Cell first = grid.cellAt(t.left() + 1, t.centerY());
        GridFinder.Cell last = grid.cellAt(t.right() - 1, t.centerY());
        if (first == null || first.equals(last)) return List.of(t);
        int[] cps = t.text().codePoints().toArray();
        double units = 0;
        for (int cp : cps) units += width(cp);
        double x = t.left();
        double perUnit = (t.right() - t.left()) / units;
        List<RecognizedText> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        GridFinder.Cell current = null;
        double partLeft = x;
        for (int cp : cps) {
            double w = width(cp) * perUnit;
            GridFinder.Cell cell = grid.cellAt((int) (x + w / 2), t.centerY());
            if (current != null && !current.equals(cell)) {
                addPart(parts, sb, partLeft, x, t);
                sb.setLength(0);
                partLeft = x;
            }
            current = cell;
            sb.appendCodePoint(cp);
            x += w;
        }
        addPart(parts, sb, partLeft, x, t);
        return parts;
    }

    private static void addPart(List<RecognizedText> parts, StringBuilder sb, double left, double right, RecognizedText t) {
        String text = sb.toString().strip();
        if (!text.isEmpty()) parts.add(new RecognizedText(text, (int) left, t.top(), (int) right, t.bottom(), t.confidence()));
    }

    private static double width(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp > 0xff00 ? 2 : 1;
    }

    /**
     * What the engine reads from a cell's border or a lone dash: a ruling next to the text read as
     * a bracket or bar at its start or end, and the dash of an empty figure (—) read as 一.
     */
    private static final Pattern BORDER_MARKS = Pattern.compile("^[|丨│」「]+|[|丨│」「]+$");
    private static final Pattern LONE_DASH = Pattern.compile("^[一-]$");

    /**
     * A hyphen before a Chinese character, not after a digit or another one: the engine reads the
     * stroke 一 as "-" at the start of a word (-级指标); a form never hyphenates Chinese words.
     */
    private static final Pattern HYPHEN_FOR_ONE = Pattern.compile("(?<![\\d\\p{IsHan}])-(?=\\p{IsHan})");

    /**
     * A space the engine reads between a figure and the Chinese unit after it (12 台, 150 人次):
     * where the print leaves a little gap. Chinese never separates a unit from its number, and a
     * text layer gives them joined, so the OCR'd text must too.
     */
    private static final Pattern SPACE_BEFORE_UNIT = Pattern.compile("(?<=[\\d%])\\s+(?=\\p{IsHan})");

    /** The recognised text with what the engine is known to misread put right. */
    static String corrected(String text) {
        return SPACE_BEFORE_UNIT.matcher(HYPHEN_FOR_ONE.matcher(text).replaceAll("一")).replaceAll("");
    }

    /** The boxes of one cell as its text: line by line, top to bottom, each line left to right. */
    static String cellText(List<RecognizedText> boxes) {
        StringBuilder sb = new StringBuilder();
        for (List<RecognizedText> line : lines(boxes)) {
            for (RecognizedText t : line) TextLines.join(sb, t.text());
        }
        String text = BORDER_MARKS.matcher(sb.toString()).replaceAll("").strip();
        return LONE_DASH.matcher(text).matches() ? "—" : text;
    }

    /** Boxes grouped into lines (vertical overlap), top to bottom, each left to right. */
    static List<List<RecognizedText>> lines(List<RecognizedText> boxes) {
        List<RecognizedText> sorted = new ArrayList<>(boxes);
        sorted.sort((a, b) -> Integer.compare(a.centerY(), b.centerY()));
        List<List<RecognizedText>> lines = new ArrayList<>();
        for (RecognizedText t : sorted) {
            List<RecognizedText> target = null;
            for (List<RecognizedText> line : lines) {
                if (sameLine(line, t)) {
                    target = line;
                    break;
                }
            }
            if (target == null) {
                target = new ArrayList<>();
                lines.add(target);
            }
            target.add(t);
        }
        for (List<RecognizedText> line : lines) line.sort((a, b) -> Integer.compare(a.left(), b.left()));
        lines.sort((a, b) -> Integer.compare(top(a), top(b)));
        return lines;
    }

    private static boolean sameLine(List<RecognizedText> line, RecognizedText t) {
        int top = top(line);
        int bottom = Integer.MIN_VALUE;
        for (RecognizedText o : line) bottom = Math.max(bottom, o.bottom());
        int overlap = Math.min(bottom, t.bottom()) - Math.max(top, t.top());
        return overlap >= SAME_LINE_OVERLAP * Math.min(bottom - top, t.height());
    }

    private static int top(List<RecognizedText> line) {
        int top = Integer.MAX_VALUE;
        for (RecognizedText o : line) top = Math.min(top, o.top());
        return top;
    }

    private static TextLine textLine(List<RecognizedText> line, float scale) {
        StringBuilder sb = new StringBuilder();
        List<TextLine.Segment> segments = new ArrayList<>();
        int left = Integer.MAX_VALUE, right = Integer.MIN_VALUE, top = Integer.MAX_VALUE, bottom = Integer.MIN_VALUE;
        int heights = 0;
        for (RecognizedText t : line) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(t.text());
            segments.add(new TextLine.Segment(t.text(), t.left() * scale, t.right() * scale));
            left = Math.min(left, t.left());
            right = Math.max(right, t.right());
            top = Math.min(top, t.top());
            bottom = Math.max(bottom, t.bottom());
            heights += t.height();
        }
        float fontSize = (float) heights / line.size() * scale;
        return new TextLine(sb.toString(), left * scale, right * scale, top * scale, bottom * scale, fontSize, segments, false);
    }
}

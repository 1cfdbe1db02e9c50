package org.jixiao.extract.table;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import technology.tabula.Ruling;

/**
 * Collects the horizontal and vertical lines a page draws, as tabula rulings in its coordinates
 * (origin top left, y downwards). Unlike tabula's own engine it never sees the insides of glyphs:
 * browsers embed CJK fonts as Type 3 fonts whose glyphs are drawn with straight path segments, and
 * those would otherwise become "rulings" that cut tables into glyph-sized cells (the text walk
 * that feeds it places Type 3 glyphs by their widths without running their drawings). A border drawn as a thin
 * filled rectangle (as browsers draw table borders) becomes one ruling along its middle.
 *
 * <p>It does not walk the page itself: the text stripper's walk ({@link PageWalk}) hands it the
 * operators a graphics engine has and a text stripper lacks (paths, painting, clipping, colour,
 * images), which run as PDFBox's own operators against that walk's graphics state and resources.
 * Each content stream is so parsed once per page instead of once for text and once for rulings.
 */
final class RulingCollector extends PDFGraphicsStreamEngine {

    /** A filled rectangle thinner than this (points) is a drawn line, not a shaded area. */
    static final float MAX_LINE_THICKNESS = 3f;

    /** Segments deviating less than this (points) from horizontal or vertical count as such. */
    static final float AXIS_TOLERANCE = 0.5f;

    private final float pageLeft;
    private final float pageTop;
    private final List<Ruling> rulings = new ArrayList<>();
    private final List<List<Point2D.Float>> subpaths = new ArrayList<>();
    private List<Point2D.Float> current;
    private boolean images;
    private long shownTextBytes;
    private final PDFStreamEngine walk;

    /** Collects the rulings of {@code page} from the operators {@code walk} (walking it) hands on. */
    RulingCollector(PDPage page, PDFStreamEngine walk) {
        super(page);
        this.walk = walk;
        PDRectangle crop = page.getCropBox();
        this.pageLeft = crop.getLowerLeftX();
        this.pageTop = crop.getUpperRightY();
    }

    List<Ruling> rulings() {
        return rulings;
    }

    boolean drewImages() {
        return images;
    }

    long shownTextBytes() {
        return shownTextBytes;
    }

    /** Runs one operator of the walk with PDFBox's graphics operator, as a walk of our own would. */
    void run(Operator operator, List<COSBase> operands) throws IOException {
        processOperator(operator, operands);
    }

    /**
     * Text the walk showed: only its amount is kept, to tell an empty page from one whose text
     * was lost (glyphs of fonts without a Unicode mapping are dropped by the text stripper).
     */
    void shown(byte[] string) {
        shownTextBytes += string.length;
    }

    /** The walk's state: the transformation in force where the walk has got to. */
    @Override
    public PDGraphicsState getGraphicsState() {
        return walk.getGraphicsState();
    }

    @Override
    public PDResources getResources() {
        return walk.getResources();
    }

    private Point2D.Float toPage(Point2D p) {
        return new Point2D.Float((float) p.getX() - pageLeft, pageTop - (float) p.getY());
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        List<Point2D.Float> rect = new ArrayList<>(List.of(toPage(p0), toPage(p1), toPage(p2), toPage(p3), toPage(p0)));
        subpaths.add(rect);
        current = null;
    }

    @Override
    public void moveTo(float x, float y) {
        current = new ArrayList<>();
        current.add(toPage(new Point2D.Float(x, y)));
        subpaths.add(current);
    }

    @Override
    public void lineTo(float x, float y) {
        if (current == null) moveTo(x, y);
        current.add(toPage(new Point2D.Float(x, y)));
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        // Curves are never table borders; the subpath ends here.
        current = null;
        moveTo(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        if (current == null || current.isEmpty()) return new Point2D.Float(0, 0);
        Point2D.Float p = current.get(current.size() - 1);
        return new Point2D.Float(p.x + pageLeft, pageTop - p.y);
    }

    @Override
    public void closePath() {
        if (current != null && !current.isEmpty()) current.add(current.get(0));
    }

    @Override
    public void endPath() {
        subpaths.clear();
        current = null;
    }

    @Override
    public void strokePath() {
        for (List<Point2D.Float> path : subpaths) {
            for (int i = 1; i < path.size(); i++) addSegment(path.get(i - 1), path.get(i));
        }
        endPath();
    }

    @Override
    public void fillPath(int windingRule) {
        for (List<Point2D.Float> path : subpaths) {
            float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
            for (Point2D.Float p : path) {
                minX = Math.min(minX, p.x);
                maxX = Math.max(maxX, p.x);
                minY = Math.min(minY, p.y);
                maxY = Math.max(maxY, p.y);
            }
            float w = maxX - minX;
            float h = maxY - minY;
            if (h <= MAX_LINE_THICKNESS && w > h) {
                float y = (minY + maxY) / 2;
                rulings.add(new Ruling(new Point2D.Float(minX, y), new Point2D.Float(maxX, y)));
            } else if (w <= MAX_LINE_THICKNESS && h > w) {
                float x = (minX + maxX) / 2;
                rulings.add(new Ruling(new Point2D.Float(x, minY), new Point2D.Float(x, maxY)));
            }
            // Larger filled areas are cell shading: their edges are not reliable borders.
        }
        endPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    private void addSegment(Point2D.Float a, Point2D.Float b) {
        if (Math.abs(a.y - b.y) < AXIS_TOLERANCE && Math.abs(a.x - b.x) >= AXIS_TOLERANCE) {
            rulings.add(new Ruling(new Point2D.Float(Math.min(a.x, b.x), a.y), new Point2D.Float(Math.max(a.x, b.x), a.y)));
        } else if (Math.abs(a.x - b.x) < AXIS_TOLERANCE && Math.abs(a.y - b.y) >= AXIS_TOLERANCE) {
            rulings.add(new Ruling(new Point2D.Float(a.x, Math.min(a.y, b.y)), new Point2D.Float(a.x, Math.max(a.y, b.y))));
        }
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images = true;
    }

    @Override
    public void clip(int windingRule) {
        // Clipping does not change where borders are drawn.
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // Gradients are not borders.
    }
}

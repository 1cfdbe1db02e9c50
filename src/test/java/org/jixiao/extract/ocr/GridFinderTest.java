package org.jixiao.extract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid finder on drawn forms: full grids, merged cells, a missing outer side, rulings under a seal, skew. */
class GridFinderTest {

    private static final int DPI = 200;
    private static final int[] XS = {100, 400, 700, 1000, 1300};
    private static final int[] YS = {200, 300, 400, 500, 600};

    private static BufferedImage page() {
        BufferedImage img = new BufferedImage(1500, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    /** A pen on the page: black, 2 pixels wide, as a form's rulings print at 200 dpi. */
    private static Graphics2D pen(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        return g;
    }

    private static void fullGrid(Graphics2D g) {
        for (int y : YS) g.drawLine(XS[0], y, XS[XS.length - 1], y);
        for (int x : XS) g.drawLine(x, YS[0], x, YS[YS.length - 1]);
    }

    /** Some text in the cells: characters must not be taken for rulings. */
    private static void text(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        for (int r = 0; r + 1 < YS.length; r++) {
            for (int c = 0; c + 1 < XS.length; c++) g.drawString("一二三 1,200.00", XS[c] + 10, YS[r] + 60);
        }
    }

    private static List<GridFinder.Grid> grids(BufferedImage img) {
        return new GridFinder(DPI).find(PageImage.binarise(PageImage.withoutSeal(img)));
    }

    @Test
    void aFullGridGivesOneCellPerSlot() {
        BufferedImage img = page();
        Graphics2D g = pen(img);
        fullGrid(g);
        text(g);
        List<GridFinder.Grid> grids = grids(img);
        assertEquals(1, grids.size());
        GridFinder.Grid grid = grids.get(0);
        assertEquals(5, grid.xs().size());
        assertEquals(5, grid.ys().size());
        assertEquals(16, grid.cells().size());
        for (GridFinder.Cell c : grid.cells()) assertEquals(1, c.rowSpan() * c.columnSpan());
        assertClose(XS, grid.xs());
        assertClose(YS, grid.ys());
    }

    @Test
    void aMissingInnerLineMergesCellsAcrossAndDown() {
        BufferedImage img = page();
        Graphics2D g = pen(img);
        for (int y : YS) {
            if (y == 400) {
                // Row 1 and 2 of the first column are one cell (the 一级指标 of two rows).
                g.drawLine(XS[1], y, XS[4], y);
            } else {
                g.drawLine(XS[0], y, XS[4], y);
            }
        }
        for (int x : XS) {
            if (x == 700) {
                // Columns 1 and 2 of the header row are one cell.
                g.drawLine(x, YS[1], x, YS[4]);
            } else {
                g.drawLine(x, YS[0], x, YS[4]);
            }
        }
        text(g);
        GridFinder.Grid grid = grids(img).get(0);
        assertEquals(14, grid.cells().size());
        assertTrue(grid.cells().contains(new GridFinder.Cell(0, 1, 1, 2)), grid.cells().toString());
        assertTrue(grid.cells().contains(new GridFinder.Cell(1, 2, 0, 1)), grid.cells().toString());
        assertEquals(new GridFinder.Cell(0, 1, 1, 2), grid.cellAt(850, 250));
        assertEquals(new GridFinder.Cell(1, 2, 0, 1), grid.cellAt(200, 450));
    }

    @Test
    void anOuterSideWithoutRulingStillBoundsTheTable() {
        BufferedImage img = page();
        Graphics2D g = pen(img);
        for (int y : YS) g.drawLine(XS[0], y, XS[4], y);
        // No left and no right border, as some forms print them.
        for (int i = 1; i < XS.length - 1; i++) g.drawLine(XS[i], YS[0], XS[i], YS[4]);
        GridFinder.Grid grid = grids(img).get(0);
        assertClose(XS, grid.xs());
        assertEquals(16, grid.cells().size());
    }

    @Test
    void aRulingBrokenByARedSealIsOneLine() {
        BufferedImage img = page();
        Graphics2D g = pen(img);
        fullGrid(g);
        // A round seal over the middle of the table, printed as ink is: red where the paper was
        // white, dark where it was printed (multiply). Where the stamp pressed hardest it covers
        // the ruling altogether (a 20-pixel gap in the line through its middle).
        BufferedImage seal = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D s = seal.createGraphics();
        s.setColor(new Color(220, 40, 50));
        s.setStroke(new BasicStroke(8));
        s.drawOval(550, 250, 300, 300);
        s.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        s.drawString("★ 财政局", 590, 410);
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                int a = seal.getRGB(x, y);
                if ((a >>> 24) == 0) continue;
                int base = img.getRGB(x, y);
                img.setRGB(x, y, new Color(((base >> 16) & 0xff) * 220 / 255, ((base >> 8) & 0xff) * 40 / 255, (base & 0xff) * 50 / 255).getRGB());
            }
        }
        g.setColor(new Color(220, 40, 50));
        g.fillRect(760, 396, 20, 10);
        List<GridFinder.Grid> grids = grids(img);
        assertEquals(1, grids.size());
        assertEquals(16, grids.get(0).cells().size(), grids.get(0).cells().toString());
    }

    @Test
    void aLineWithAGapFromScanningIsBridged() {
        BufferedImage img = page();
        Graphics2D g = pen(img);
        for (int y : YS) {
            // Each horizontal line has a 15-pixel dropout in the second column.
            g.drawLine(XS[0], y, 500, y);
            g.drawLine(515, y, XS[4], y);
        }
        for (int x : XS) g.drawLine(x, YS[0], x, YS[4]);
        assertEquals(16, grids(img).get(0).cells().size());
    }

    @Test
    void aGridTurnedTwoDegreesIsFoundOnceStraightened() {
        BufferedImage img = page();
        Graphics2D g = img.createGraphics();
        g.rotate(Math.toRadians(-2), 750, 450);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        fullGrid(g);
        text(g);
        BufferedImage grey = PageImage.withoutSeal(img);
        double skew = PageImage.skewDegrees(PageImage.binarise(grey));
        assertEquals(2, skew, 0.2);
        List<GridFinder.Grid> grids = new GridFinder(DPI).find(PageImage.binarise(PageImage.rotate(grey, -skew)));
        assertEquals(1, grids.size());
        assertEquals(16, grids.get(0).cells().size());
    }

    @Test
    void faintHairlineRowRulingsAreFound() {
        // Dark column rulings, and row rulings of one pixel at grey 215 on paper of 250, with a
        // little scanner noise: as a light grey hairline comes out of a grey 300-dpi scan.
        BufferedImage img = page();
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        java.util.Random noise = new java.util.Random(7);
        for (int i = 0; i < 20000; i++) {
            int v = 230 + noise.nextInt(20);
            img.setRGB(noise.nextInt(img.getWidth()), noise.nextInt(img.getHeight()), new Color(v, v, v).getRGB());
        }
        g.setColor(new Color(215, 215, 215));
        g.setStroke(new BasicStroke(1));
        for (int y : YS) g.drawLine(XS[0], y, XS[XS.length - 1], y);
        g.setColor(new Color(120, 120, 120));
        g.setStroke(new BasicStroke(2));
        for (int x : XS) g.drawLine(x, YS[0], x, YS[YS.length - 1]);
        text(g);
        List<GridFinder.Grid> grids = new GridFinder(DPI).find(PageImage.rulingInk(PageImage.withoutSeal(img)));
        assertEquals(1, grids.size());
        assertClose(YS, grids.get(0).ys());
        assertEquals(16, grids.get(0).cells().size());
    }

    @Test
    void aGreyRulingUnderARedSealIsKeptWhenTheSealIsTakenOut() {
        // Grey rulings (as forms print them), and a seal whose thick red band lies over a ruling
        // for 60 pixels, longer than any gap the finder bridges: the print under the seal must
        // come back from the red channel, the seal over bare paper must go.
        BufferedImage img = page();
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(150, 150, 150));
        g.setStroke(new BasicStroke(2));
        fullGrid(g);
        g.dispose();
        Color seal = new Color(220, 40, 50);
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                boolean band = x >= 820 && x < 880 && y >= 250 && y < 550;
                boolean ring = Math.abs(Math.hypot(x - 850, y - 400) - 140) < 5;
                if (!band && !ring) continue;
                int base = img.getRGB(x, y);
                img.setRGB(x, y, new Color(((base >> 16) & 0xff) * seal.getRed() / 255, ((base >> 8) & 0xff) * seal.getGreen() / 255,
                        (base & 0xff) * seal.getBlue() / 255).getRGB());
            }
        }
        BufferedImage grey = PageImage.withoutSeal(img);
        assertTrue(grey.getRaster().getSample(850, 400, 0) < PageImage.RULING_GREY, "the ruling under the seal stays");
        assertTrue(grey.getRaster().getSample(850, 350, 0) > PageImage.RULING_GREY, "the seal over paper goes");
        List<GridFinder.Grid> grids = new GridFinder(DPI).find(PageImage.rulingInk(grey));
        assertEquals(1, grids.size());
        assertEquals(16, grids.get(0).cells().size(), grids.get(0).cells().toString());
    }

    private static void assertClose(int[] expected, List<Integer> actual) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual.get(i)) <= 3, expected[i] + " vs " + actual);
        }
    }
}

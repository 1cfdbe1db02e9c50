package org.jixiao.extract.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Cleaning of a scanned page before its lines are found and its text read: the red seal goes
 * (a stamp over a figure would otherwise be read as strokes of it), colour becomes grey, a page
 * scanned a few degrees askew is turned straight, and a page turned a quarter or half round is
 * turned upright.
 */
final class PageImage {

    /**
     * A pixel whose red exceeds both green and blue by more than this (0..255) is seal ink: the
     * red of a stamp, faded edges included; black text under the stamp stays dark in all three
     * channels and is kept.
     */
    static final int RED_MARGIN = 50;

    /** Skew searched either way, in degrees: a sheet fed askew into a scanner, not a page turned. */
    static final double MAX_SKEW_DEGREES = 5;

    /** Steps of the coarse and the fine skew search, in degrees. */
    static final double COARSE_STEP = 0.5;
    static final double FINE_STEP = 0.05;

    /** The skew is measured on every n-th pixel each way: lines and text rows stay clear, the work falls 16-fold. */
    static final int SKEW_SAMPLING = 4;

    /** Skew below this many degrees is left alone: turning costs more than it gains. */
    static final double MIN_SKEW_DEGREES = 0.1;

    private static final int WHITE = 255;

    private PageImage() {
    }

    /**
     * Share of the seal's pixels whose red level is taken as the seal's own red over bare paper:
     * most of a seal lies on paper, and a high share stays clear of the print under it while
     * leaving out the odd JPEG overshoot.
     */
    static final double SEAL_PAPER_SHARE = 0.2;

    /** The seal's red over paper is taken to be at least this: a seal darker still is no red ink a grey page could be read through. */
    static final int MIN_SEAL_RED = 128;

    /**
     * Grey image of the page with the red seal taken out. A seal is ink pressed over the print
     * (the colours multiply): in the red channel red ink is nearly transparent, so under the seal
     * the red level, scaled by the seal's own red over paper, is the grey of what was printed
     * there — the seal over paper becomes white, and the grey rulings and characters it covers
     * stay (turning all seal pixels white erased a grey ruling under the seal's strokes).
     */
    static BufferedImage withoutSeal(BufferedImage colour) {
        int w = colour.getWidth();
        int h = colour.getHeight();
        int[] sealReds = new int[256];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            colour.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                if (isSeal(r, (rgb >> 8) & 0xff, rgb & 0xff)) sealReds[r]++;
            }
        }
        int sealRed = Math.max(MIN_SEAL_RED, percentile(sealReds, SEAL_PAPER_SHARE));
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        for (int y = 0; y < h; y++) {
            colour.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int v = isSeal(r, g, b) ? Math.min(WHITE, r * WHITE / sealRed) : (r * 299 + g * 587 + b * 114) / 1000;
                out.setSample(x, y, 0, v);
            }
        }
        return grey;
    }

    private static boolean isSeal(int r, int g, int b) {
        return r - Math.max(g, b) > RED_MARGIN;
    }

    /** The level below which {@code share} of the counted values lie (WHITE when nothing was counted). */
    private static int percentile(int[] counts, double share) {
        long total = 0;
        for (int c : counts) total += c;
        if (total == 0) return WHITE;
        long seen = 0;
        for (int v = 0; v < counts.length; v++) {
            seen += counts[v];
            if (seen >= share * total) return v;
        }
        return WHITE;
    }

    /**
     * Grey level (0..255) below which a pixel may be part of a ruling even when Otsu's threshold
     * is darker: forms draw their grid in thin grey lines, which scanning and JPEG lighten further.
     * Noise this light makes no long runs, so the grid finder is not misled by it.
     */
    static final int RULING_GREY = 200;

    /** Ink where the grey image is darker than Otsu's threshold of its histogram. */
    static Bitmap binarise(BufferedImage grey) {
        return binarise(grey, 0);
    }

    /** Ink for the grid finder: darker than Otsu's threshold or than {@link #RULING_GREY}. */
    static Bitmap rulingInk(BufferedImage grey) {
        Bitmap ink = binarise(grey, RULING_GREY);
        faintLines(grey, ink);
        return ink;
    }

    /**
     * Pixels this many apart across a line are paper on both sides of a thin ruling: a hairline
     * of 0.5 point is one or two pixels at 150–300 dpi.
     */
    static final int RIDGE_REACH = 3;

    /** A pixel this much darker (0..255) than the paper on both sides of it lies on a line. */
    static final int RIDGE_CONTRAST = 20;

    /**
     * Adds to the ink the pixels of hairlines too faint for any threshold: a form's light grey
     * row rulings, scanned grey and resampled, come out at 195–225 on paper of 250, lighter than
     * the noise a threshold must leave out. Such a line is still darker than the paper just above
     * and below it (or left and right of it); a line needs long runs of such pixels in the grid
     * finder, which strokes of characters never make.
     */
    static void faintLines(BufferedImage grey, Bitmap ink) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] p = grey.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
        int d = RIDGE_REACH;
        for (int y = d; y < h - d; y++) {
            for (int x = d; x < w - d; x++) {
                int v = p[y * w + x] + RIDGE_CONTRAST;
                boolean acrossRows = v <= p[(y - d) * w + x] && v <= p[(y + d) * w + x];
                boolean acrossColumns = v <= p[y * w + x - d] && v <= p[y * w + x + d];
                if (acrossRows || acrossColumns) ink.set(x, y);
            }
        }
    }

    private static Bitmap binarise(BufferedImage grey, int atLeast) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] pixels = grey.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
        int threshold = Math.max(atLeast, otsu(pixels));
        Bitmap bits = new Bitmap(w, h);
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] < threshold) bits.set(i % w, i / w);
        }
        return bits;
    }

    private static int otsu(int[] pixels) {
        long[] histogram = new long[WHITE + 1];
        for (int p : pixels) histogram[p]++;
        long total = pixels.length;
        double sumAll = 0;
        for (int i = 0; i <= WHITE; i++) sumAll += i * (double) histogram[i];
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int threshold = WHITE / 2;
        for (int t = 0; t <= WHITE; t++) {
            below += histogram[t];
            if (below == 0) continue;
            long above = total - below;
            if (above == 0) break;
            sumBelow += t * (double) histogram[t];
            double meanBelow = sumBelow / below;
            double meanAbove = (sumAll - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    /**
     * The angle (degrees, counter-clockwise positive) by which the page's text rows and rulings
     * are tilted: the angle at which the ink, projected on the vertical, piles up in the sharpest
     * rows.
     */
    static double skewDegrees(Bitmap bits) {
        int count = 0;
        for (int y = 0; y < bits.height; y += SKEW_SAMPLING) {
            for (int x = 0; x < bits.width; x += SKEW_SAMPLING) {
                if (bits.ink(x, y)) count++;
            }
        }
        int[] xs = new int[count];
        int[] ys = new int[count];
        int i = 0;
        for (int y = 0; y < bits.height; y += SKEW_SAMPLING) {
            for (int x = 0; x < bits.width; x += SKEW_SAMPLING) {
                if (bits.ink(x, y)) {
                    xs[i] = x;
                    ys[i++] = y;
                }
            }
        }
        if (count == 0) return 0;
        double best = search(xs, ys, bits, -MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, COARSE_STEP);
        return search(xs, ys, bits, best - COARSE_STEP, best + COARSE_STEP, FINE_STEP);
    }

    private static double search(int[] xs, int[] ys, Bitmap bits, double from, double to, double step) {
        double bestAngle = 0;
        double bestScore = -1;
        // Rows of SKEW_SAMPLING pixels: the sampled points only ever fall on every n-th pixel row,
        // which would favour the angle 0 with finer bins.
        int size = (bits.height + bits.width) / SKEW_SAMPLING + 1;
        int[] rows = new int[2 * size];
        for (double a = from; a <= to + 1e-9; a += step) {
            java.util.Arrays.fill(rows, 0);
            double tan = Math.tan(Math.toRadians(a));
            for (int i = 0; i < xs.length; i++) {
                // The row a point falls in once the page is turned back by a.
                int r = (int) Math.round((ys[i] + xs[i] * tan) / SKEW_SAMPLING) + size;
                if (r >= 0 && r < rows.length) rows[r]++;
            }
            double score = 0;
            for (int r : rows) score += (double) r * r;
            if (score > bestScore) {
                bestScore = score;
                bestAngle = a;
            }
        }
        return bestAngle;
    }

    /** The image turned by the given degrees (counter-clockwise positive) about its centre, the corners filled white. */
    static BufferedImage rotate(BufferedImage grey, double degrees) {
        if (Math.abs(degrees) < MIN_SKEW_DEGREES) return grey;
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey, AffineTransform.getRotateInstance(Math.toRadians(-degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** The image turned clockwise by a number of quarter turns (1 = 90°, 2 = 180°, 3 = 270°). */
    static BufferedImage quarterTurns(BufferedImage grey, int turns) {
        int t = ((turns % 4) + 4) % 4;
        if (t == 0) return grey;
        int w = grey.getWidth();
        int h = grey.getHeight();
        boolean swap = t % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster in = grey.getRaster();
        WritableRaster o = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = in.getSample(x, y, 0);
                switch (t) {
                    case 1 -> o.setSample(h - 1 - y, x, 0, v);
                    case 2 -> o.setSample(w - 1 - x, h - 1 - y, 0, v);
                    default -> o.setSample(y, w - 1 - x, 0, v);
                }
            }
        }
        return out;
    }
}

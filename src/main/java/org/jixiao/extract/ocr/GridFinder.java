package org.jixiao.extract.ocr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the ruled tables of a page image: horizontal and vertical ruling lines (long runs of ink,
 * the morphological opening of the image by a line), the tables they make, and each table's cell
 * grid. Two neighbouring grid slots without a ruling between them are one merged cell. A ruling
 * broken by a seal or faint scanning is joined again across short gaps.
 *
 * <p>All lengths are given in inches and scaled by the image's resolution.
 */
final class GridFinder {

    /** A run of ink at least this long is part of a ruling: longer than any stroke of a character at form sizes. */
    static final double MIN_RULING_INCH = 0.25;

    /**
     * Inside a run, gaps up to this long are ink too, as long as the run stays mostly ink
     * ({@link #MIN_RUN_FILL}): pixels a scanner or JPEG dropped from a thin line. Longer gaps
     * (seal strokes) are bridged between whole stretches ({@link #MAX_GAP_INCH}); a longer gap
     * inside a run would join the strokes of neighbouring characters (二三) into a line.
     */
    static final double RUN_GAP_INCH = 0.015;

    /** Share of a run that must be ink: a ruling is solid, a row of characters is not. */
    static final double MIN_RUN_FILL = 0.6;

    /** Gaps up to this long in a ruling are bridged: seal strokes removed with the seal, scanner dropouts. */
    static final double MAX_GAP_INCH = 0.15;

    /** A ruling is at most this thick; thicker bands of ink are pictures or filled areas. */
    static final double MAX_THICKNESS_INCH = 0.05;

    /** Rulings this close are one line: residual skew and scan blur move a line by a few pixels. */
    static final double SAME_LINE_INCH = 0.04;

    /**
     * Edges closer than this are one edge: no row or column of a form is narrower than a line of
     * text (10-point text is 0.14 inch), but the borders of neighbouring cells are sometimes drawn
     * a little apart, which would make a sliver of a row that cuts a merged cell's text in two.
     */
    static final double MIN_CELL_INCH = 0.1;

    /**
     * Share of a ruling's length that may have ink just beside it (a pixel beyond the line on
     * either side): a ruling has paper along it, a row of characters filling a narrow cell has
     * the rest of its strokes there.
     */
    static final double MAX_BESIDE_INK = 0.35;

    /** Share of a slot's side a ruling must cover to separate two slots. */
    static final double SEPARATING_SHARE = 0.5;

    /** A ruled line: its position across, and the stretches {from, to} it covers along. */
    record Ruling(int position, List<int[]> spans) {
    }

    /**
     * One table: the x positions of its column edges and the y positions of its row edges (pixels,
     * ascending), and its cells, each at the top-left slot it occupies with the slots it spans.
     */
    record Grid(List<Integer> xs, List<Integer> ys, List<Cell> cells) {
        int left() {
            return xs.get(0);
        }

        int right() {
            return xs.get(xs.size() - 1);
        }

        int top() {
            return ys.get(0);
        }

        int bottom() {
            return ys.get(ys.size() - 1);
        }

        boolean contains(int x, int y) {
            return x > left() && x < right() && y > top() && y < bottom();
        }

        /** The cell holding a point of the table, or null outside it. */
        Cell cellAt(int x, int y) {
            int c = slot(xs, x);
            int r = slot(ys, y);
            if (c < 0 || r < 0) return null;
            for (Cell cell : cells) {
                if (r >= cell.row() && r < cell.row() + cell.rowSpan() && c >= cell.column() && c < cell.column() + cell.columnSpan()) {
                    return cell;
                }
            }
            return null;
        }

        private static int slot(List<Integer> edges, int v) {
            for (int i = 0; i + 1 < edges.size(); i++) {
                if (v >= edges.get(i) && v < edges.get(i + 1)) return i;
            }
            return -1;
        }
    }

    /** A cell of a grid: top-left slot and spans, 0-based. */
    record Cell(int row, int rowSpan, int column, int columnSpan) {
    }

    private final int minRun;
    private final int maxGap;
    private final int runGap;
    private final int maxThickness;
    private final int sameLine;
    private final int minCell;

    GridFinder(int dpi) {
        this.minRun = (int) Math.round(MIN_RULING_INCH * dpi);
        this.maxGap = (int) Math.round(MAX_GAP_INCH * dpi);
        this.runGap = (int) Math.round(RUN_GAP_INCH * dpi);
        this.maxThickness = Math.max(2, (int) Math.round(MAX_THICKNESS_INCH * dpi));
        this.sameLine = Math.max(2, (int) Math.round(SAME_LINE_INCH * dpi));
        this.minCell = (int) Math.round(MIN_CELL_INCH * dpi);
    }

    /** The ruled tables of the page, top to bottom. */
    List<Grid> find(Bitmap page) {
        List<Ruling> horizontal = rulings(page);
        List<Ruling> vertical = rulings(page.transposed());
        return tables(horizontal, vertical);
    }

    /** Horizontal rulings of a bitmap (the vertical ones are those of its transposition). */
    List<Ruling> rulings(Bitmap bits) {
        // Per row, the runs long enough to be rulings; a row counts the ink of its neighbours too,
        // so that a line a residual skew spreads over two rows still makes long runs.
        List<List<int[]>> runs = new ArrayList<>();
        for (int y = 0; y < bits.height; y++) {
            List<int[]> row = new ArrayList<>();
            int start = -1;
            int lastInk = -1;
            int inkCount = 0;
            for (int x = 0; x <= bits.width; x++) {
                boolean on = x < bits.width && (bits.ink(x, y) || bits.ink(x, y - 1) || bits.ink(x, y + 1));
                if (on) {
                    if (start >= 0 && x - lastInk > runGap + 1) {
                        addRun(row, start, lastInk + 1, inkCount);
                        start = -1;
                    }
                    if (start < 0) {
                        start = x;
                        inkCount = 0;
                    }
                    lastInk = x;
                    inkCount++;
                } else if (start >= 0 && (x == bits.width || x - lastInk > runGap)) {
                    addRun(row, start, lastInk + 1, inkCount);
                    start = -1;
                }
            }
            runs.add(row);
        }
        List<Ruling> out = new ArrayList<>();
        int y = 0;
        while (y < bits.height) {
            if (runs.get(y).isEmpty()) {
                y++;
                continue;
            }
            int from = y;
            List<int[]> all = new ArrayList<>();
            while (y < bits.height && !runs.get(y).isEmpty()) all.addAll(runs.get(y++));
            // The band of rows is a line when thin; the dilation above adds a row on each side.
            if (y - from <= maxThickness + 2) {
                List<int[]> clear = new ArrayList<>();
                for (int[] span : all) {
                    if (besideInk(bits, span, from - 2, y + 1) <= MAX_BESIDE_INK) clear.add(span);
                }
                if (!clear.isEmpty()) out.add(new Ruling((from + y - 1) / 2, bridged(clear)));
            }
        }
        return out;
    }

    /** Share of a span's length with ink in row {@code above} or row {@code below}. */
    private static double besideInk(Bitmap bits, int[] span, int above, int below) {
        int inked = 0;
        for (int x = span[0]; x < span[1]; x++) {
            if (bits.ink(x, above) || bits.ink(x, below)) inked++;
        }
        return (double) inked / Math.max(1, span[1] - span[0]);
    }

    private void addRun(List<int[]> row, int from, int to, int ink) {
        if (to - from >= minRun && ink >= MIN_RUN_FILL * (to - from)) row.add(new int[] {from, to});
    }

    private List<int[]> bridged(List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] s : sorted) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s[0] <= last[1] + maxGap) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new int[] {s[0], s[1]});
            }
        }
        return out;
    }

    /** Groups the rulings into tables (connected lines) and builds each one's grid. */
    List<Grid> tables(List<Ruling> horizontal, List<Ruling> vertical) {
        // Every stretch of a ruling is a node; crossing stretches are connected.
        List<int[]> hs = new ArrayList<>();
        for (Ruling r : horizontal) for (int[] s : r.spans()) hs.add(new int[] {r.position(), s[0], s[1]});
        List<int[]> vs = new ArrayList<>();
        for (Ruling r : vertical) for (int[] s : r.spans()) vs.add(new int[] {r.position(), s[0], s[1]});
        // A ruling of a grid crosses (or meets) at least two rulings the other way: it borders at
        // least one cell. Strokes of characters that happen to line up, or touch a cell's side, do not.
        hs = crossingTwo(hs, vs);
        vs = crossingTwo(vs, hs);
        hs = crossingTwo(hs, vs);
        int[] parent = new int[hs.size() + vs.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int i = 0; i < hs.size(); i++) {
            int[] h = hs.get(i);
            for (int j = 0; j < vs.size(); j++) {
                int[] v = vs.get(j);
                if (crosses(h, v)) {
                    union(parent, i, hs.size() + j);
                }
            }
        }
        List<Grid> grids = new ArrayList<>();
        for (int root = 0; root < parent.length; root++) {
            if (find(parent, root) != root) continue;
            List<int[]> th = new ArrayList<>();
            List<int[]> tv = new ArrayList<>();
            for (int i = 0; i < hs.size(); i++) if (find(parent, i) == root) th.add(hs.get(i));
            for (int j = 0; j < vs.size(); j++) if (find(parent, hs.size() + j) == root) tv.add(vs.get(j));
            Grid g = grid(th, tv);
            if (g != null) grids.add(g);
        }
        grids.sort((a, b) -> Integer.compare(a.top(), b.top()));
        return grids;
    }

    private List<int[]> crossingTwo(List<int[]> lines, List<int[]> across) {
        List<int[]> out = new ArrayList<>();
        for (int[] l : lines) {
            int crossings = 0;
            for (int[] a : across) {
                if (crosses(l, a)) crossings++;
            }
            if (crossings >= 2) out.add(l);
        }
        return out;
    }

    /** True when two segments {position, from, to} at right angles cross or meet, within {@link #sameLine}. */
    private boolean crosses(int[] a, int[] b) {
        return b[0] >= a[1] - sameLine && b[0] <= a[2] + sameLine && a[0] >= b[1] - sameLine && a[0] <= b[2] + sameLine;
    }

    private Grid grid(List<int[]> hs, List<int[]> vs) {
        if (hs.size() < 2 || vs.size() < 2) return null;
        List<Integer> ys = clustered(hs);
        List<Integer> xs = clustered(vs);
        // An outer side without a ruling of its own still bounds the table: where the crossing lines end.
        int left = Integer.MAX_VALUE, right = Integer.MIN_VALUE, top = Integer.MAX_VALUE, bottom = Integer.MIN_VALUE;
        for (int[] h : hs) {
            left = Math.min(left, h[1]);
            right = Math.max(right, h[2]);
        }
        for (int[] v : vs) {
            top = Math.min(top, v[1]);
            bottom = Math.max(bottom, v[2]);
        }
        if (!hs.isEmpty()) {
            addEdge(xs, left);
            addEdge(xs, right);
        }
        if (!vs.isEmpty()) {
            addEdge(ys, top);
            addEdge(ys, bottom);
        }
        xs = withoutSlivers(xs);
        ys = withoutSlivers(ys);
        if (xs.size() < 2 || ys.size() < 2) return null;
        int rows = ys.size() - 1;
        int columns = xs.size() - 1;
        int[] parent = new int[rows * columns];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c + 1 < columns && !separated(vs, xs.get(c + 1), ys.get(r), ys.get(r + 1))) {
                    union(parent, r * columns + c, r * columns + c + 1);
                }
                if (r + 1 < rows && !separated(hs, ys.get(r + 1), xs.get(c), xs.get(c + 1))) {
                    union(parent, r * columns + c, (r + 1) * columns + c);
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) != i) continue;
            int r0 = Integer.MAX_VALUE, r1 = -1, c0 = Integer.MAX_VALUE, c1 = -1;
            for (int k = 0; k < parent.length; k++) {
                if (find(parent, k) != i) continue;
                r0 = Math.min(r0, k / columns);
                r1 = Math.max(r1, k / columns);
                c0 = Math.min(c0, k % columns);
                c1 = Math.max(c1, k % columns);
            }
            cells.add(new Cell(r0, r1 - r0 + 1, c0, c1 - c0 + 1));
        }
        cells.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.column(), b.column()));
        return new Grid(List.copyOf(xs), List.copyOf(ys), cells);
    }

    /** True when rulings at {@code at} cover enough of the side from {@code from} to {@code to}. */
    private boolean separated(List<int[]> lines, int at, int from, int to) {
        int covered = 0;
        for (int[] l : lines) {
            if (Math.abs(l[0] - at) > Math.max(sameLine, minCell)) continue;
            covered += Math.max(0, Math.min(to, l[2]) - Math.max(from, l[1]));
        }
        return covered >= SEPARATING_SHARE * (to - from);
    }

    private List<Integer> clustered(List<int[]> lines) {
        List<Integer> positions = new ArrayList<>();
        for (int[] l : lines) positions.add(l[0]);
        Collections.sort(positions);
        List<Integer> out = new ArrayList<>();
        int sum = 0;
        int n = 0;
        int last = Integer.MIN_VALUE;
        for (int p : positions) {
            if (n > 0 && p - last > sameLine) {
                out.add(sum / n);
                sum = 0;
                n = 0;
            }
            sum += p;
            n++;
            last = p;
        }
        if (n > 0) out.add(sum / n);
        return out;
    }

    /** Edges with neighbours closer than {@link #MIN_CELL_INCH} merged into their middle. */
    private List<Integer> withoutSlivers(List<Integer> edges) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i < edges.size()) {
            int j = i;
            while (j + 1 < edges.size() && edges.get(j + 1) - edges.get(i) < minCell) j++;
            out.add((edges.get(i) + edges.get(j)) / 2);
            i = j + 1;
        }
        return out;
    }

    private void addEdge(List<Integer> edges, int at) {
        for (int e : edges) {
            if (Math.abs(e - at) <= sameLine * 2) return;
        }
        edges.add(at);
        Collections.sort(edges);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}

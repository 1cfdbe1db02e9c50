package org.jixiao.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jixiao.mapping.Mappings;
import org.jixiao.normalize.RegionResolver;

/**
 * The province-size benchmark, not a test: synthetic reports over every GB/T 2260 region and ten
 * years are indexed through the port ({@link ReportIndex} over a {@link SearchStore}) while one
 * query thread searches the same store, as a service answers searches while its intake indexes.
 * For each store under test it prints the indexing throughput (reports/s and indicator rows/s, and
 * per CPU second), query p50/p99 by kind (text, filter, range, facet) measured while indexing, the
 * disk it took per million indicator rows, the CPU time of the process and the load average; at the
 * end, one table with a row per store, so that stores compare side by side in one run.
 *
 * <pre>
 * java -Xmx1g -cp "target/jixiao.jar:target/lib/*" org.jixiao.index.ProvinceBenchmark \
 *     [--reports 50000] [--rows 20] [--years 10] [--qps 20] [--threads 2] \
 *     [--search URI [--disk DIR]… [--label NAME]]…
 * </pre>
 * Without {@code --search}: the embedded Lucene index in {@code target/province-lucene}. A
 * {@code lucene:DIR} store is emptied first (as {@link IndexBenchmark} empties its folder); any other
 * store must be empty (a fresh collection), and its disk is measured under {@code --disk DIR} (for a
 * test cluster, each node's folder, the option repeated: their sizes are added) or not at all. A launcher that starts a
 * cluster itself (on the test class path) passes its URI in through {@link #runArguments} or hands stores to
 * {@link #run} directly.
 */
public final class ProvinceBenchmark {

    static final long SEED = IndexBenchmark.SEED;
    static final int DEFAULT_YEARS = 10;
    /**
     * Queries a second the query thread aims at: enough to sample latency all through the run
     * without the searching thread taking a whole core from indexing (the service's searches and
     * its intake share the machine the same way). 0: back to back.
     */
    static final double DEFAULT_QPS = 20;
    static final String DEFAULT_SEARCH = SearchLocation.LUCENE + "target/province-lucene";
    /** Latencies are also reported for queries that ran once the index held this share of the rows. */
    static final double LATE_SHARE = 0.5;

    private ProvinceBenchmark() {
    }

    /**
     * A store under test.
     *
     * @param label  its name in the printed figures
     * @param opener opens it for writing; it must be empty
     * @param disks  the folders whose sizes add up to its size on disk (a cluster: each node's), or
     *               none when it cannot be measured
     */
    public record Target(String label, SearchStore.Opener opener, List<Path> disks) {
        public Target {
            disks = List.copyOf(disks);
        }
    }

    /**
     * How much to index and how hard to query.
     *
     * @param reports       synthetic reports (each with {@code rowsPerReport} indicator rows)
     * @param rowsPerReport indicator rows per report (a province: ≈ 20, 100 M rows over 5 M reports)
     * @param years         years the reports spread over, from {@link SyntheticReports#FIRST_YEAR}
     * @param qps           queries a second the query thread aims at (0: back to back)
     * @param threads       indexing threads
     */
    public record Settings(int reports, int rowsPerReport, int years, double qps, int threads) {
        public static Settings defaults() {
            return new Settings(IndexBenchmark.DEFAULT_REPORTS, IndexBenchmark.DEFAULT_ROWS, DEFAULT_YEARS, DEFAULT_QPS,
                    IndexBenchmark.THREADS);
        }
    }

    /** What one store measured. Latencies in ms, [p50, p99] by query kind (and "all"); wall clock unless named CPU. */
    public record Figures(String label, IndexBenchmark.Indexed indexed, Map<String, double[]> whileIndexing,
                          Map<String, double[]> lateWhileIndexing, Map<String, double[]> afterIndexing,
                          Map<String, double[]> afterIndexingCpu, Map<String, double[]> afterIndexingNoFacets,
                          long queries, long queryErrors, long diskBytes, double processCpuWhileIndexing,
                          double processCpuSeconds,
                          double queryCpuSeconds, double loadBefore, double loadAfter) {

        double diskPerMillionRowsMb() {
            return diskBytes < 0 ? Double.NaN : diskBytes / 1e6 / (indexed.rows() / 1e6);
        }
    }

    public static void main(String[] args) throws IOException {
        runArguments(args);
    }

    /** A {@code --search} option with the {@code --disk} and {@code --label} options after it. */
    private static final class StoreOption {
        final String uri;
        final List<Path> disks = new ArrayList<>();
        String label;

        StoreOption(String uri) {
            this.uri = uri;
        }
    }

    /**
     * Runs the benchmark as {@link #main} does, with the command line's options, and returns the
     * figures (a launcher that starts a cluster passes its URI in here).
     */
    public static List<Figures> runArguments(String... args) throws IOException {
        Settings settings = Settings.defaults();
        List<StoreOption> stores = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) throw new IllegalArgumentException(a + " 缺少取值");
            i++;
            switch (a) {
                case "--reports" -> settings = new Settings(Integer.parseInt(v), settings.rowsPerReport(), settings.years(),
                        settings.qps(), settings.threads());
                case "--rows" -> settings = new Settings(settings.reports(), Integer.parseInt(v), settings.years(),
                        settings.qps(), settings.threads());
                case "--years" -> settings = new Settings(settings.reports(), settings.rowsPerReport(), Integer.parseInt(v),
                        settings.qps(), settings.threads());
                case "--qps" -> settings = new Settings(settings.reports(), settings.rowsPerReport(), settings.years(),
                        Double.parseDouble(v), settings.threads());
                case "--threads" -> settings = new Settings(settings.reports(), settings.rowsPerReport(), settings.years(),
                        settings.qps(), Integer.parseInt(v));
                case "--search" -> stores.add(new StoreOption(v));
                case "--disk", "--label" -> {
                    if (stores.isEmpty()) throw new IllegalArgumentException(a + " 应跟在 --search 之后");
                    StoreOption last = stores.get(stores.size() - 1);
                    // --disk may be repeated: a cluster's size is the sum of its nodes' folders.
                    if (a.equals("--disk")) last.disks.add(Path.of(v));
                    else last.label = v;
                }
                default -> throw new IllegalArgumentException("未知选项 " + a);
            }
        }
        if (stores.isEmpty()) stores.add(new StoreOption(DEFAULT_SEARCH));
        RegionResolver regions = new RegionResolver(Mappings.bundled());
        List<Target> targets = new ArrayList<>();
        for (StoreOption s : stores) targets.add(target(s.uri, s.disks, s.label, regions));
        return run(targets, settings);
    }

    /** A store named by a {@code --search} URI, opened through {@link SearchLocation} as the commands open it. */
    static Target target(String uri, List<Path> disks, String label, RegionResolver regions) throws IOException {
        boolean lucene = uri.startsWith(SearchLocation.LUCENE);
        Path folder = lucene ? Path.of(uri.substring(SearchLocation.LUCENE.length())) : null;
        List<Path> diskDirs = !disks.isEmpty() ? disks : lucene ? List.of(folder) : List.of();
        if (lucene) IndexBenchmark.deleteRecursively(folder);
        SearchLocation location = SearchLocation.parse(uri, null);
        return new Target(label != null ? label : uri.replaceFirst("^([a-z]+):.*", "$1"),
                () -> location.openWriter(regions), diskDirs);
    }

    /** Runs every target in turn with the same reports and queries, then prints them side by side. */
    public static List<Figures> run(List<Target> targets, Settings settings) throws IOException {
        SyntheticReports synthetic = new SyntheticReports(SEED, settings.years(), Mappings.bundled());
        Map<String, List<SearchRequest>> mix = IndexBenchmark.mix(synthetic);
        System.out.printf(Locale.ROOT, "%,d reports × %d indicator rows over %,d regions and %d years (%d–%d); "
                        + "%d indexing threads; one query thread at %s%n",
                settings.reports(), settings.rowsPerReport(), synthetic.places().size(), settings.years(),
                SyntheticReports.FIRST_YEAR, SyntheticReports.FIRST_YEAR + settings.years() - 1, settings.threads(),
                settings.qps() > 0 ? String.format(Locale.ROOT, "%.0f queries/s", settings.qps()) : "full speed");
        List<Figures> all = new ArrayList<>();
        for (Target t : targets) {
            Figures f = measure(t, settings, synthetic, mix);
            print(f);
            all.add(f);
        }
        table(all, settings);
        return all;
    }

    private static Figures measure(Target target, Settings settings, SyntheticReports synthetic,
                                   Map<String, List<SearchRequest>> mix) throws IOException {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", target.label());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double cpuBefore = IndexBenchmark.processCpuSeconds();
        AtomicLong rows = new AtomicLong();
        long plannedRows = (long) settings.reports() * settings.rowsPerReport();
        IndexBenchmark.Indexed indexed;
        QueryThread queries;
        Map<String, double[]> after;
        Map<String, double[]> afterNoFacets;
        double cpuIndexed;
        Map<String, double[]> afterCpu = new LinkedHashMap<>();
        try (ReportIndex index = ReportIndex.over(target.opener().open())) {
            if (!index.store().versions().isEmpty()) {
                throw new IllegalStateException(target.label() + "：被测的检索库不是空的（请用新建的集合或空目录）");
            }
            index.commit(); // an empty commit, so that the query thread has something to search from the start
            queries = new QueryThread(index.store(), mix, settings.qps(), rows, (long) (plannedRows * LATE_SHARE));
            queries.start();
            try {
                indexed = IndexBenchmark.index(index, synthetic, settings.reports(), settings.rowsPerReport(),
                        settings.threads(), rows);
            } finally {
                queries.finish();
            }
            cpuIndexed = IndexBenchmark.processCpuSeconds() - cpuBefore;
            // One pass of the mix over the whole index, nothing else running: the figures to compare with IndexBenchmark's.
            after = p50p99(IndexBenchmark.run(index.store(), mix, afterCpu));
            // The same pass without facets: what counting them costs a store (hits and totals only).
            Map<String, List<SearchRequest>> noFacets = new LinkedHashMap<>();
            mix.forEach((kind, requests) -> noFacets.put(kind, requests.stream().map(r -> r.withFacets(false)).toList()));
            afterNoFacets = p50p99(IndexBenchmark.run(index.store(), noFacets, new LinkedHashMap<>()));
        }
        long disk = target.disks().isEmpty() ? -1 : 0;
        for (Path d : target.disks()) {
            if (!Files.isDirectory(d)) {
                disk = -1;
                break;
            }
            disk += IndexBenchmark.size(d);
        }
        return new Figures(target.label(), indexed, p50p99(queries.wall()), p50p99(queries.lateWall()), after,
                p50p99(afterCpu), afterNoFacets, queries.count(), queries.errors(), disk, cpuIndexed, IndexBenchmark.processCpuSeconds() - cpuBefore,
                queries.cpuSeconds(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** [p50, p99] by kind, and over all kinds as "all". */
    private static Map<String, double[]> p50p99(Map<String, double[]> timings) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : timings.entrySet()) out.put(e.getKey(), p50p99(e.getValue()));
        out.put("all", p50p99(IndexBenchmark.all(timings)));
        return out;
    }

    private static double[] p50p99(double[] ms) {
        if (ms.length == 0) return new double[] {Double.NaN, Double.NaN};
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        return new double[] {IndexBenchmark.percentile(sorted, 50), IndexBenchmark.percentile(sorted, 99)};
    }

    private static void print(Figures f) {
        IndexBenchmark.Indexed ix = f.indexed();
        System.out.printf(Locale.ROOT, "indexed %,d reports, %,d indicator rows in %.1f s: %,.0f reports/s, %,.0f rows/s%n",
                ix.reports(), ix.rows(), ix.seconds(), ix.reports() / ix.seconds(), ix.rows() / ix.seconds());
        System.out.printf(Locale.ROOT, "indexing threads used %.1f CPU s: %,.0f rows per CPU second%n",
                ix.cpuSeconds(), ix.rows() / ix.cpuSeconds());
        // A store served in this JVM (a test cluster's nodes) analyses and writes in threads of its own:
        // the indexing threads' CPU leaves that out, the whole process's CPU counts it (and the queries).
        System.out.printf(Locale.ROOT, "whole process while indexing: %.1f CPU s, %,.0f rows per CPU second (all threads, "
                        + "the query thread's queries included)%n", f.processCpuWhileIndexing(), ix.rows() / f.processCpuWhileIndexing());
        System.out.printf(Locale.ROOT, "query thread: %,d queries while indexing (%d failed), %.1f CPU s%n",
                f.queries(), f.queryErrors(), f.queryCpuSeconds());
        latencies("while indexing", f.whileIndexing());
        latencies(String.format(Locale.ROOT, "while indexing, index ≥ %.0f%% of rows", LATE_SHARE * 100), f.lateWhileIndexing());
        latencies("after indexing, one pass of 200", f.afterIndexing());
        // The searching thread's CPU time: what a query costs where it has a core to itself (on a loaded
        // machine the wall clock also counts the wait for a core). An embedded store also searches part
        // of each query on a second core, not counted here; a remote store's work is not counted at all.
        latencies("after indexing, CPU of the searching thread", f.afterIndexingCpu());
        latencies("after indexing, the same 200 without facets", f.afterIndexingNoFacets());
        if (f.diskBytes() >= 0) {
            System.out.printf(Locale.ROOT, "on disk: %.1f MB, %.1f MB per million indicator rows%n",
                    f.diskBytes() / 1e6, f.diskPerMillionRowsMb());
        } else {
            System.out.println("on disk: not measured (give --disk DIR after --search)");
        }
        System.out.printf(Locale.ROOT, "process CPU during this store's run: %.1f s (so far: JIT compiler threads %.1f s elapsed, GC pauses %.1f s); "
                        + "load average %.2f before, %.2f after (%d cores)%n",
                f.processCpuSeconds(), IndexBenchmark.jitSeconds(), IndexBenchmark.gcSeconds(), f.loadBefore(), f.loadAfter(),
                Runtime.getRuntime().availableProcessors());
    }

    private static void latencies(String when, Map<String, double[]> byKind) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "query p50/p99 ms, %s:", when));
        for (Map.Entry<String, double[]> e : byKind.entrySet()) {
            line.append(String.format(Locale.ROOT, "  %s %.2f/%.2f", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        System.out.println(line);
    }

    /** One Markdown row per store: what docs/scaling.md quotes. */
    private static void table(List<Figures> all, Settings settings) {
        System.out.printf(Locale.ROOT, "%n| store | reports/s | rows/s | rows per CPU s | text p50/p99 | filter p50/p99 "
                + "| range p50/p99 | facet p50/p99 | MB per M rows | load avg |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Figures f : all) {
            IndexBenchmark.Indexed ix = f.indexed();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |", f.label(),
                    ix.reports() / ix.seconds(), ix.rows() / ix.seconds(), ix.rows() / ix.cpuSeconds()));
            for (String kind : List.of("text", "filter", "range", "facet")) {
                double[] v = f.whileIndexing().get(kind);
                row.append(String.format(Locale.ROOT, " %.1f / %.1f ms |", v[0], v[1]));
            }
            row.append(f.diskBytes() < 0 ? " — |" : String.format(Locale.ROOT, " %.1f |", f.diskPerMillionRowsMb()));
            row.append(String.format(Locale.ROOT, " %.1f → %.1f |", f.loadBefore(), f.loadAfter()));
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "(%,d reports × %d rows, %d years; latencies measured while indexing)%n",
                settings.reports(), settings.rowsPerReport(), settings.years());
    }

    /**
     * Searches the store under test while it is being written: the mix's queries in turn (text,
     * filter, range, facet, text, …), paced at the given rate, each timed by the wall clock and by
     * the thread's CPU time. A failed query is counted, not fatal: a store that answers with errors
     * while indexing is a finding.
     */
    private static final class QueryThread extends Thread {
        private final SearchStore store;
        private final List<Map.Entry<String, SearchRequest>> order = new ArrayList<>();
        private final long pauseNanos;
        private final AtomicLong rows;
        private final long lateRows;
        private final Map<String, Samples> wall = new LinkedHashMap<>();
        private final Map<String, Samples> lateWall = new LinkedHashMap<>();
        private volatile boolean done;
        private long count;
        private long errors;
        private long cpuNanos;
        private Throwable firstError;

        QueryThread(SearchStore store, Map<String, List<SearchRequest>> mix, double qps, AtomicLong rows, long lateRows) {
            super("province-queries");
            this.store = store;
            this.pauseNanos = qps > 0 ? (long) (1e9 / qps) : 0;
            this.rows = rows;
            this.lateRows = lateRows;
            int n = mix.values().stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < n; i++) {
                for (Map.Entry<String, List<SearchRequest>> e : mix.entrySet()) {
                    if (i < e.getValue().size()) order.add(Map.entry(e.getKey(), e.getValue().get(i)));
                }
            }
            for (String kind : mix.keySet()) {
                wall.put(kind, new Samples());
                lateWall.put(kind, new Samples());
            }
        }

        @Override
        public void run() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpuStart = mx.getCurrentThreadCpuTime();
            long next = System.nanoTime();
            for (int i = 0; !done; i = (i + 1) % order.size()) {
                Map.Entry<String, SearchRequest> q = order.get(i);
                boolean late = rows.get() >= lateRows;
                long t = System.nanoTime();
                try {
                    if (store.search(q.getValue()).total() < 0) throw new IllegalStateException("negative total");
                    double ms = (System.nanoTime() - t) / 1e6;
                    wall.get(q.getKey()).add(ms);
                    if (late) lateWall.get(q.getKey()).add(ms);
                } catch (RuntimeException e) {
                    errors++;
                    if (firstError == null) firstError = e;
                }
                count++;
                next += pauseNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.nanoTime(); // behind schedule: no burst to catch up, the next query goes now
                }
            }
            cpuNanos = mx.getCurrentThreadCpuTime() - cpuStart;
        }

        void finish() throws IOException {
            done = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (firstError != null) {
                System.out.println("first failed query: " + firstError);
            }
        }

        Map<String, double[]> wall() {
            return arrays(wall);
        }

        Map<String, double[]> lateWall() {
            return arrays(lateWall);
        }

        private static Map<String, double[]> arrays(Map<String, Samples> samples) {
            Map<String, double[]> out = new LinkedHashMap<>();
            samples.forEach((k, v) -> out.put(k, v.toArray()));
            return out;
        }

        long count() {
            return count;
        }

        long errors() {
            return errors;
        }

        double cpuSeconds() {
            return cpuNanos / 1e9;
        }
    }

    /** A growing array of milliseconds (a run takes tens of thousands of samples; no boxing). */
    private static final class Samples {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}

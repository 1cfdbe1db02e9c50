package org.jixiao.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;

/**
 * Speed and scale of the index, a benchmark and not a test: builds a synthetic index of about a
 * million indicator rows (deterministic seed), then prints the indexing rate, the size on disk and
 * query latency (p50/p99) over a fixed mix of 200 queries — text, filter, range and facet — each
 * run with facet counts, as the CLI runs them. Latency is measured twice: on the first pass, in a
 * cold JVM, and after the mix has run for {@link #WARM_UP}, as a running service answers.
 *
 * <pre>
 * java -Xmx1g -cp "target/jixiao.jar:target/lib/*" org.jixiao.index.IndexBenchmark [DIR] [REPORTS] [ROWS_PER_REPORT] [--search-only]
 * </pre>
 * Defaults: {@code target/benchmark-index}, 50000 reports, 20 rows each (1,000,000 rows). The
 * directory is emptied first, unless {@code --search-only} measures the queries over an index the
 * benchmark built before.
 */
public final class IndexBenchmark {

    static final long SEED = 20_260_101L;
    static final int DEFAULT_REPORTS = 50_000;
    static final int DEFAULT_ROWS = 20;
    static final int QUERIES_PER_KIND = 50;
    /** Reports between progress lines. */
    static final int PROGRESS_EVERY = 10_000;
    /** Fourth argument: measure the queries over an index built before, without rebuilding it. */
    static final String SEARCH_ONLY = "--search-only";
    /** Least time the query mix runs before the measured pass, so the JIT has compiled the search path. */
    static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(10);
    static final int MIN_WARM_UP_PASSES = 3;
    /** One indexing thread per core of the target machines. */
    static final int THREADS = 2;

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/benchmark-index");
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_REPORTS;
        int rowsPerReport = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ROWS;
        boolean searchOnly = args.length > 3 && args[3].equals(SEARCH_ONLY);
        Mappings mappings = Mappings.bundled();
        SyntheticReports synthetic = new SyntheticReports(SEED, mappings);
        if (!searchOnly) index(dir, reports, rowsPerReport, mappings, synthetic);
        search(dir, synthetic);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "max heap: %.0f MB%n", rt.maxMemory() / 1e6);
    }

    private static void index(Path dir, int reports, int rowsPerReport, Mappings mappings, SyntheticReports synthetic)
            throws IOException {
        deleteRecursively(dir);
        Indexed done;
        try (ReportIndex index = ReportIndex.open(dir, new RegionResolver(mappings))) {
            done = index(index, synthetic, reports, rowsPerReport, THREADS, new AtomicLong());
        }
        long rows = done.rows();
        double seconds = done.seconds();
        long entries = rows + reports + 2L * reports;
        System.out.printf(Locale.ROOT, "indexed %,d reports, %,d indicator rows (%,d entries with reports and budget items) in %.1f s%n",
                reports, rows, entries, seconds);
        System.out.printf(Locale.ROOT, "indexing rate: %,.0f indicator rows/s (%,.0f entries/s)%n", rows / seconds, entries / seconds);
        System.out.printf(Locale.ROOT, "indexing threads (%d) used %.1f CPU s in %.1f s wall: %,.0f rows per CPU second%n",
                THREADS, done.cpuSeconds(), seconds, rows / done.cpuSeconds());
        System.out.printf(Locale.ROOT, "index size on disk: %.1f MB%n", size(dir) / 1e6);
        System.out.printf(Locale.ROOT, "whole process so far: %.1f CPU s, of which JIT compilation %.1f s, GC pauses %.1f s%n",
                processCpuSeconds(), jitSeconds(), gcSeconds());
    }

    /**
     * What an indexing run did.
     *
     * @param rows       indicator rows indexed
     * @param seconds    wall-clock time, the last commit included
     * @param cpuSeconds CPU time of the indexing threads
     */
    public record Indexed(int reports, long rows, double seconds, double cpuSeconds) {
    }

    /**
     * Adds synthetic reports 0 … {@code reports}-1 on {@code threads} threads, committing every
     * {@link ReportIndex#COMMIT_INTERVAL} as the {@code index} command does, and commits at the end.
     * {@code rowCount} counts the indicator rows added so far, for whoever watches the run.
     */
    static Indexed index(ReportIndex index, SyntheticReports synthetic, int reports, int rowsPerReport, int threads,
                         AtomicLong rowCount) throws IOException {
        // Load HanLP's dictionaries before the clock starts: a one-off cost of the first analysis.
        org.jixiao.index.analysis.WordSegmenter.INDEX.words("故障处理响应时间");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicInteger nextReport = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                try {
                    for (int n; (n = nextReport.getAndIncrement()) < reports; ) {
                        Report r = synthetic.next(n, rowsPerReport);
                        index.add(r);
                        long done = rowCount.addAndGet(r.indicators().size());
                        index.commitIfDue();
                        if ((n + 1) % PROGRESS_EVERY == 0) {
                            System.out.printf(Locale.ROOT, "  %,d reports, %,d rows, %.0f s%n", n + 1, done,
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                    nextReport.set(reports); // the others stop too: a run with a failed write measures nothing
                }
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
            }, "indexer-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) throw new IOException("indexing failed", failures.get(0));
        index.commit();
        return new Indexed(reports, rowCount.get(), (System.nanoTime() - start) / 1e9, cpuNanos.get() / 1e9);
    }

    static double jitSeconds() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    }

    static double gcSeconds() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum() / 1e3;
    }

    /** CPU time of the whole JVM (all threads: indexing, merging, JIT, GC), where the platform reports it. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static void search(Path dir, SyntheticReports synthetic) throws IOException {
        long openStart = System.nanoTime();
        try (SearchStore searcher = org.jixiao.index.lucene.LuceneSearchStore.openReader(dir)) {
            System.out.printf(Locale.ROOT, "searcher open (incl. facet state): %.0f ms%n", (System.nanoTime() - openStart) / 1e6);
            Map<String, List<SearchRequest>> mix = mix(synthetic);
            // The first pass runs in a cold JVM, as a one-off CLI search does (after its JVM start).
            Map<String, double[]> cold = run(searcher, mix, new LinkedHashMap<>());
            print("wall", "first pass (cold JVM), all 200", all(cold));
            // Then as the service answers: in a warm JVM. Warm-up passes until the JIT has settled.
            long warmUntil = System.nanoTime() + WARM_UP.toNanos();
            int passes = 0;
            while (passes < MIN_WARM_UP_PASSES || System.nanoTime() < warmUntil) {
                run(searcher, mix, new LinkedHashMap<>());
                passes++;
            }
            System.out.printf(Locale.ROOT, "warm-up: %d passes of the mix; then one measured pass:%n", passes);
            Map<String, double[]> cpu = new LinkedHashMap<>();
            Map<String, double[]> timings = run(searcher, mix, cpu);
            for (Map.Entry<String, double[]> e : timings.entrySet()) print("wall", e.getKey(), e.getValue());
            print("wall", "all 200", all(timings));
            // CPU time of the searching thread: what a query costs when it has a core to itself.
            for (Map.Entry<String, double[]> e : cpu.entrySet()) print("cpu", e.getKey(), e.getValue());
            print("cpu", "all 200", all(cpu));
            SearchResult sample = searcher.search(mix.get("text").get(0));
            System.out.printf(Locale.ROOT, "e.g. text query \"%s\": %,d matches, %d facet dimensions%n",
                    mix.get("text").get(0).text(), sample.total(), sample.facets().size());
        }
    }

    static double[] all(Map<String, double[]> timings) {
        return timings.values().stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** 50 queries of each kind, fixed by the seed. */
    static Map<String, List<SearchRequest>> mix(SyntheticReports synthetic) {
        Random random = new Random(SEED + 1);
        List<SyntheticReports.Place> places = synthetic.places();
        Map<String, List<SearchRequest>> mix = new LinkedHashMap<>();
        List<SearchRequest> text = new ArrayList<>();
        List<SearchRequest> filter = new ArrayList<>();
        List<SearchRequest> range = new ArrayList<>();
        List<SearchRequest> facet = new ArrayList<>();
        for (int i = 0; i < QUERIES_PER_KIND; i++) {
            String subject = SyntheticReports.SUBJECTS[random.nextInt(SyntheticReports.SUBJECTS.length)];
            String measure = SyntheticReports.MEASURES[random.nextInt(SyntheticReports.MEASURES.length)];
            // Text: a fragment of a subject plus a measure (故障 + 响应时间), as users type them.
            text.add(SearchRequest.text(subject.substring(0, 2) + measure));
            String place = places.get(random.nextInt(places.size())).name();
            int year = SyntheticReports.FIRST_YEAR + random.nextInt(synthetic.years());
            filter.add(SearchRequest.text("").withRegion(place).withYears(year, year)
                    .withKind(random.nextBoolean() ? "SELF_EVALUATION" : "TARGET_DECLARATION"));
            int rate = 60 + random.nextInt(35);
            range.add(SearchRequest.text("").withYears(year, year)
                    .withWhere(Condition.parse("executionRate<" + rate + " and totalScore>=" + (70 + random.nextInt(20)))));
            facet.add(SearchRequest.text(subject).withLevel1("产出指标").withRegion(place)
                    .withWhere(Condition.parse("score>=" + (2 + random.nextInt(8)))));
        }
        mix.put("text", text);
        mix.put("filter", filter);
        mix.put("range", range);
        mix.put("facet", facet);
        return mix;
    }

    /** Wall-clock milliseconds per query by kind; CPU milliseconds of the searching thread go to {@code cpu}. */
    static Map<String, double[]> run(SearchStore searcher, Map<String, List<SearchRequest>> mix,
                                             Map<String, double[]> cpu) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<SearchRequest>> e : mix.entrySet()) {
            double[] ms = new double[e.getValue().size()];
            double[] cpuMs = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                SearchResult r = searcher.search(e.getValue().get(i));
                ms[i] = (System.nanoTime() - t) / 1e6;
                cpuMs[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                if (r.total() < 0) throw new IllegalStateException();
            }
            out.put(e.getKey(), ms);
            cpu.put(e.getKey(), cpuMs);
        }
        return out;
    }

    static void print(String clock, String label, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "query latency (%s) %-8s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (n=%d)%n", clock, label,
                percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }
}

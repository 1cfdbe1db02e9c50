package org.jixiao.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.pipeline.Pipeline;

/**
 * Throughput of the whole pipeline on PDFs (not a test): runs the PDF corpus, repeated, through
 * one JVM and prints reports/s, pages/s and the peak heap, then how long {@code pdftotext} takes
 * for the same files as a yardstick. Run it with {@code bench/pdf.sh}.
 *
 * <p>Arguments: corpus directory (default {@code corpus}), number of reports (default 200),
 * threads (default 1).
 */
public final class PdfBenchmark {

    /** Reports run before measuring, so the JIT has compiled the hot paths. */
    static final int WARM_UP_ROUNDS = 2;

    private PdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Text-layer PDFs: the scan in the corpus is refused as before rather than recognised, so the
        // figures stay those of the born-digital pipeline (OCR has its own, bench/ocr-bench.py).
        System.setProperty(org.jixiao.extract.ocr.OcrMode.PROPERTY, org.jixiao.extract.ocr.OcrMode.OFF.name());
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpus");
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Path> pdfs = pdfs(corpus);
        if (pdfs.isEmpty()) {
            System.err.println("no PDFs under " + corpus.toAbsolutePath());
            System.exit(2);
        }
        List<Path> run = new ArrayList<>();
        while (run.size() < reports) run.addAll(pdfs);
        run = run.subList(0, reports);

        Pipeline warm = new Pipeline(Mappings.bundled());
        for (int i = 0; i < WARM_UP_ROUNDS; i++) for (Path p : pdfs) process(warm, p);

        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        AtomicInteger pages = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        List<List<Path>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) shares.add(new ArrayList<>());
        for (int i = 0; i < run.size(); i++) shares.get(i % threads).add(run.get(i));
        for (List<Path> share : shares) {
            futures.add(pool.submit(() -> {
                Pipeline pipeline = new Pipeline(Mappings.bundled());
                for (Path p : share) {
                    Report r = process(pipeline, p);
                    if (r == null) refused.incrementAndGet();
                    else if (r.source().pages() != null) pages.addAndGet(r.source().pages());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long peakHeap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peakHeap += p.getPeakUsage().getUsed();
        }

        System.out.printf(Locale.ROOT, "corpus: %d PDFs, run %d reports on %d thread(s), %d refused (scans)%n",
                pdfs.size(), run.size(), threads, refused.get());
        System.out.printf(Locale.ROOT, "jixiao pipeline: %.2f s, %.1f reports/s, %.1f pages/s, peak heap %.0f MB (max heap %.0f MB)%n",
                seconds, run.size() / seconds, pages.get() / seconds, peakHeap / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        if (cpuStart >= 0) {
            // CPU time does not depend on what else the machine runs: the figure to compare runs by.
            System.out.printf(Locale.ROOT, "process CPU: %.1f ms per report (%.1f reports per CPU second, JIT and GC included)%n",
                    cpu / 1e6 / run.size(), run.size() / (cpu / 1e9));
        }
        pdftotext(run);
    }

    /** CPU time of the whole JVM so far, or -1 where the platform does not tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static Report process(Pipeline pipeline, Path pdf) {
        try {
            return pipeline.process(pdf);
        } catch (UnreadableInputException e) {
            return null;
        }
    }

    private static List<Path> pdfs(Path corpus) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.sorted().toList()) {
                Path pdf = dir.resolve(dir.getFileName() + ".pdf");
                if (Files.isRegularFile(pdf)) out.add(pdf);
            }
        }
        return out;
    }

    /** The same files through poppler's pdftotext -layout, one process each, when it is installed. */
    private static void pdftotext(List<Path> run) throws InterruptedException {
        long start = System.nanoTime();
        try {
            for (Path p : run) {
                Process proc = new ProcessBuilder("pdftotext", "-layout", p.toString(), "-").redirectErrorStream(true).start();
                try (InputStream in = proc.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                proc.waitFor();
            }
        } catch (IOException e) {
            System.out.println("pdftotext: not installed (apt-get install poppler-utils), no comparison");
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "pdftotext -layout (text only, no tables, one process per file): %.2f s, %.1f files/s%n",
                seconds, run.size() / seconds);
    }
}

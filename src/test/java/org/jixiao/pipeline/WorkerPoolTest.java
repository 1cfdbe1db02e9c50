package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.pipeline.hostile.HostileCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading in child processes: a file past the timeout leaves nothing running, a child out of
 * memory is replaced, and a report comes back equal to the one read in process.
 */
class WorkerPoolTest {

    /**
     * Short, so three hostile files cost seconds; above what a small corpus PDF needs in a cold
     * child on a loaded 2-core machine (a few seconds).
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long CPU use is watched after the timeouts. */
    private static final Duration WATCH = Duration.ofSeconds(3);
    /**
     * CPU this JVM and its children may use while idle over {@link #WATCH} (the JIT finishing, a
     * GC): a tenth of one core. A parser left running on one hostile file uses a whole core.
     */
    private static final Duration IDLE_CPU = Duration.ofMillis(WATCH.toMillis() / 10);
    /** A child's heap that holds the readers and a corpus report, not a 300 MB string. */
    private static final int SMALL_MEMORY_MB = 128;
    private static final int INFLATED_STRING_CHARS = 300 * 1024 * 1024;

    private static final Mappings MAPPINGS = Mappings.bundled();
    private static Pipeline inProcess;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        inProcess = new Pipeline(MAPPINGS);
    }

    @AfterAll
    static void stop() {
        inProcess.close();
    }

    /** The two smallest corpus PDFs and a Word file. */
    private static List<Path> goodFiles() {
        List<Path> pdfs = Corpus.goldenInputs().stream().filter(p -> p.toString().endsWith(".pdf"))
                .sorted(java.util.Comparator.comparingLong(WorkerPoolTest::size)).limit(2).toList();
        List<Path> office = Corpus.allInputs().stream().filter(p -> p.toString().endsWith(".docx")).limit(1).toList();
        List<Path> all = new ArrayList<>(pdfs);
        all.addAll(office);
        assertEquals(3, all.size(), "corpus PDFs and a .docx");
        return all;
    }

    @Test
    void hostileFilesAreStoppedAtTheTimeoutAndNothingKeepsRunning() throws IOException, InterruptedException {
        List<Path> hostile = new ArrayList<>();
        for (int i = 1; i <= 3; i++) hostile.add(Files.write(dir.resolve("fan-out-" + i + ".pdf"), HostileCorpus.formFanOut()));
        Limits limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxPages(), TIMEOUT);
        try (Pipeline pipeline = Pipeline.isolated(MAPPINGS, limits, new WorkerSettings(1, WorkerSettings.DEFAULT_MEMORY_MB, null))) {
            for (Path h : hostile) {
                UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> pipeline.process(h));
                assertEquals(h.getFileName().toString(), e.fileName());
                assertEquals("处理超时（超过 10 秒），已跳过", e.reason());
            }
            // Killed at the timeout: no child is left, and neither this JVM nor a child burns CPU.
            assertEquals(List.of(), readingChildren().map(ProcessHandle::pid).toList());
            Duration before = cpu();
            Thread.sleep(WATCH.toMillis());
            Duration used = cpu().minus(before);
            assertTrue(used.compareTo(IDLE_CPU) <= 0, "CPU used while idle after the timeouts: " + used.toMillis() + " ms");
            // A new child reads the good files, each as the in-process pipeline reads it.
            for (Path good : goodFiles()) assertEquals(inProcess.process(good), pipeline.process(good), good.toString());
            assertEquals(1, pipeline.workerPids().size(), "one warm child, reused");
        }
    }

    @Test
    void aChildOutOfMemoryIsReportedAndReplaced() throws IOException {
        Path bomb = Files.write(dir.resolve("inflating.pdf"), HostileCorpus.inflatingString(INFLATED_STRING_CHARS));
        try (Pipeline pipeline = Pipeline.isolated(MAPPINGS, Limits.DEFAULT, new WorkerSettings(1, SMALL_MEMORY_MB, null))) {
            Path good = goodFiles().get(0);
            assertEquals(inProcess.process(good), pipeline.process(good));
            long first = pipeline.workerPids().get(0);
            UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> pipeline.process(bomb));
            assertEquals(Pipeline.OUT_OF_MEMORY, e.reason());
            assertTrue(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false) == false, "the child out of memory is gone");
            assertEquals(inProcess.process(good), pipeline.process(good));
            assertTrue(!pipeline.workerPids().contains(first), "a new child read the next file");
        }
    }

    @Test
    void blocksComeBackWithTheSourceAndTextStaysInProcess() {
        try (Pipeline pipeline = Pipeline.isolated(MAPPINGS, Limits.DEFAULT, WorkerSettings.defaults(null))) {
            Path text = Corpus.goldenTextInputs().get(0);
            assertEquals(inProcess.process(text), pipeline.process(text));
            assertEquals(List.of(), readingChildren().toList(),
                    "no child started for the text file");
            Path pdf = goodFiles().get(0);
            ExtractedDocument expected = inProcess.extractOnly(pdf);
            ExtractedDocument read = pipeline.extractOnly(pdf);
            assertEquals(expected.blocks(), read.blocks());
            assertEquals(expected.pages(), read.pages());
            assertEquals(pdf, read.source().path());
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Children of the test JVM from before the test (an earlier test's OCR process): not the pool's. */
    private static java.util.Set<Long> earlierChildren = java.util.Set.of();

    @org.junit.jupiter.api.BeforeEach
    void noteEarlierChildren() {
        earlierChildren = ProcessHandle.current().children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    /** The children this test's pool started that are alive now. */
    private static java.util.stream.Stream<ProcessHandle> readingChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).filter(p -> !earlierChildren.contains(p.pid()));
    }

    /** CPU time of this JVM and its children alive now. */
    private static Duration cpu() {
        Duration total = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }
}

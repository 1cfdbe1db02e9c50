package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jixiao.index.SearchLocation;
import org.jixiao.index.SearchStore;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.pipeline.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a separate process, killed with SIGKILL while it works through a batch and started
 * again: every file must end in done/ or failed/ exactly once and the index must open with every
 * checked report in it.
 */
class CrashRestartTest {

    /** Bounds each wait on the other process (startup on a busy machine included); never reached when all is well. */
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 50;
    /** Kill once this many reports are done: the process is then certainly mid-batch. */
    private static final int DONE_BEFORE_KILL = 6;

    @TempDir
    Path data;

    @Test
    void killedMidBatchThenRestartedEndsWithEveryFileOnceAndAnIndexThatOpens() throws Exception {
        DataFolders folders = DataFolders.under(data);
        Files.createDirectories(folders.inbox());
        Map<String, byte[]> batch = batch();
        Set<String> goodContents = new HashSet<>();
        for (Map.Entry<String, byte[]> e : batch.entrySet()) {
            if (!e.getKey().startsWith("bad-")) goodContents.add(Intake.sha256(e.getValue()));
        }
        for (Map.Entry<String, byte[]> e : batch.entrySet()) Files.write(folders.inbox().resolve(e.getKey()), e.getValue());

        Process first = serve(1);
        await(() -> originals(folders.done(), batch.keySet()) >= DONE_BEFORE_KILL, first, "first reports done");
        first.destroyForcibly();
        assertTrue(first.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        int doneAtKill = originals(folders.done(), batch.keySet()) + originals(folders.failed(), batch.keySet());
        System.out.println("kill -9 with " + doneAtKill + " of " + batch.size() + " files finished");
        assertTrue(doneAtKill < batch.size(), "killed mid-batch (" + doneAtKill + " of " + batch.size() + " done)");

        long restart = System.nanoTime();
        Process second = serve(2);
        await(() -> inboxEmpty(folders) && originals(folders.done(), batch.keySet())
                + originals(folders.failed(), batch.keySet()) == batch.size(), second, "inbox emptied after restart");
        System.out.println("restart → inbox empty: " + (System.nanoTime() - restart) / 1_000_000 + " ms");
        Files.readAllLines(data.resolve("serve-2.err")).stream().filter(l -> l.contains("补建")).forEach(System.out::println);
        second.destroy(); // SIGTERM: graceful stop, index committed
        assertTrue(second.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "stops on SIGTERM");
        // Said on the console: each report taken in, and the stop.
        assertTrue(Files.readString(data.resolve("serve-2.err")).contains("已检查"), "the intake is logged");
        assertTrue(Files.readString(data.resolve("serve-2.out")).contains("jixiao 服务已停止"), "the stop is said");

        for (String name : batch.keySet()) {
            boolean done = Files.exists(folders.done().resolve(name));
            boolean failed = Files.exists(folders.failed().resolve(name));
            assertTrue(done ^ failed, name + " is in exactly one of done/ and failed/");
            assertEquals(name.startsWith("bad-"), failed, name);
            if (failed) assertTrue(Files.exists(folders.failed().resolve(name + DataFolders.ERROR_SUFFIX)), name);
            else assertTrue(Files.exists(folders.done().resolve(name + DataFolders.REPORT_SUFFIX))
                    ^ Files.exists(folders.done().resolve(name + DataFolders.DUPLICATE_SUFFIX)), name + ": checked or noted as duplicate");
        }
        for (Path folder : List.of(folders.done(), folders.failed())) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.contains("~") || n.contains(".unhandled-"))
                        .forEach(n -> assertTrue(false, "a file was stored twice or unhandled: " + n));
            }
        }
        int reports = 0;
        try (Stream<Path> jsons = Files.list(folders.done())) {
            reports = (int) jsons.filter(p -> p.toString().endsWith(DataFolders.REPORT_SUFFIX)).count();
        }
        assertEquals(goodContents.size(), reports, "one report JSON per distinct content");

        try (SearchStore searcher = SearchLocation.lucene(folders.index()).openReader()) {
            SearchResult all = searcher.search(new SearchRequest(null, null, null, null, null, null, null, List.of(),
                    true, null, 10_000, false, null));
            Set<String> indexed = new HashSet<>();
            all.hits().forEach(h -> indexed.add(h.sha256()));
            assertEquals(goodContents, indexed, "the index holds every checked report, those lost in the kill included");
        }
    }

    /** ~30 files: the corpus, distinct variants of it, two exact resubmissions and two unreadable files. */
    private static Map<String, byte[]> batch() throws IOException {
        Map<String, byte[]> batch = new LinkedHashMap<>();
        List<Path> corpus = Corpus.goldenTextInputs();
        for (Path p : corpus) batch.put(p.getFileName().toString(), Files.readAllBytes(p));
        for (int i = 0; i < 16; i++) {
            Path p = corpus.get(i % corpus.size());
            String text = Files.readString(p, StandardCharsets.UTF_8) + "\n附：第 " + (i + 1) + " 份补报材料。\n";
            batch.put("variant-" + (i + 1) + "-" + p.getFileName(), text.getBytes(StandardCharsets.UTF_8));
        }
        batch.put("resubmitted-a.txt", Files.readAllBytes(corpus.get(0)));
        batch.put("resubmitted-b.txt", Files.readAllBytes(corpus.get(1)));
        batch.put("bad-empty.txt", new byte[0]);
        batch.put("bad-scan.pdf", new byte[] {0x00, 0x13, 0x37, (byte) 0xFE, 0x00});
        return batch;
    }

    private Process serve(int run) throws IOException {
        Files.writeString(data.resolve("serve-" + run + ".err"), "");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx512m", "-Dorg.slf4j.simpleLogger.log.org.jixiao.route=info",
                "-cp", System.getProperty("java.class.path"),
                "org.jixiao.cli.JixiaoCommand", "serve", "--data", data.toString(), "--port", "0", "--threads", "2"));
        return new ProcessBuilder(command)
                .redirectOutput(data.resolve("serve-" + run + ".out").toFile())
                .redirectError(data.resolve("serve-" + run + ".err").toFile())
                .start();
    }

    private void await(BooleanSupplier condition, Process process, String what) throws Exception {
        long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError(what + ": the service exited (" + process.exitValue() + ")\n"
                        + Files.readString(data.resolve("serve-1.err")) + Files.readString(data.resolve("serve-2.err")));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(POLL_MILLIS); // another process: nothing to be notified by but the file system
        }
    }

    private static int originals(Path folder, Set<String> names) {
        int n = 0;
        for (String name : names) if (Files.exists(folder.resolve(name))) n++;
        return n;
    }

    private static boolean inboxEmpty(DataFolders folders) {
        File[] left = folders.inbox().toFile().listFiles(f -> f.isFile() && !f.getName().endsWith(".camelLock"));
        return left != null && left.length == 0;
    }
}

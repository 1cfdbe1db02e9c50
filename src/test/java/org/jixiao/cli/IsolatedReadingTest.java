package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.pipeline.hostile.HostileCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch commands read in child processes: run as real processes, as a user runs them. */
class IsolatedReadingTest {

    /** A JVM and its readers start within this even on a loaded machine. */
    private static final Duration CHILD_START_DEADLINE = Duration.ofSeconds(120);
    /** A killed parent's child is gone within this (it watches its parent, or is killed by its hook). */
    private static final Duration CHILD_EXIT_DEADLINE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    /** The per-file limit of the batch test: above what a small corpus PDF needs in a cold child on a loaded machine. */
    private static final int TIMEOUT_SECONDS = 10;
    private static final int HOSTILE_FILES = 3;
    /** What starting a child (a JVM, the mappings and readers) may cost: about 2.5 s of CPU, 2 s more under load. */
    private static final Duration CHILD_START = Duration.ofSeconds(5);
    private static final Pattern CPU_TIME = Pattern.compile("(\\d+)m([\\d.]+)s");

    @TempDir
    Path dir;

    /**
     * Three files that stall PDFBox, before good reports: each costs its timeout and a new child,
     * nothing after — neither the time nor the CPU of the good ones grows, as it did when a parser
     * thread abandoned at the timeout kept running beside them.
     */
    @Test
    void hostileFilesCostTheirTimeoutAndNothingMore() throws IOException, InterruptedException {
        Path good = Files.createDirectories(dir.resolve("good"));
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        List<Path> pdfs = org.jixiao.pipeline.Corpus.goldenInputs().stream().filter(p -> p.toString().endsWith(".pdf"))
                .sorted(Comparator.comparingLong(IsolatedReadingTest::size)).limit(3).toList();
        for (Path p : pdfs) {
            Files.copy(p, good.resolve(p.getFileName()));
            Files.copy(p, mixed.resolve(p.getFileName()));
        }
        for (int i = 1; i <= HOSTILE_FILES; i++) Files.write(mixed.resolve("0-fan-out-" + i + ".pdf"), HostileCorpus.formFanOut());

        Run alone = check(good);
        Run withHostile = check(mixed);

        assertEquals(pdfs.size(), alone.reports(), alone.stderr());
        assertEquals(pdfs.size(), withHostile.reports(), withHostile.stderr());
        for (int i = 1; i <= HOSTILE_FILES; i++) {
            assertTrue(withHostile.stderr().contains("0-fan-out-" + i + ".pdf：处理超时（超过 " + TIMEOUT_SECONDS + " 秒），已跳过"),
                    withHostile.stderr());
        }
        Duration perHostile = Duration.ofSeconds(TIMEOUT_SECONDS).plus(CHILD_START);
        Duration bound = alone.wall().plus(perHostile.multipliedBy(HOSTILE_FILES));
        assertTrue(withHostile.wall().compareTo(bound) <= 0, "with hostile files " + withHostile.wall().toMillis()
                + " ms, good files alone " + alone.wall().toMillis() + " ms");
        // A hostile child uses at most one core until it is killed; nothing burns after.
        Duration cpuBound = alone.cpu().plus(perHostile.multipliedBy(HOSTILE_FILES));
        assertTrue(withHostile.cpu().compareTo(cpuBound) <= 0, "CPU with hostile files " + withHostile.cpu().toMillis()
                + " ms, good files alone " + alone.cpu().toMillis() + " ms");
    }

    /** One {@code check --format jsonl} as a process: its wall time and the CPU of it and its children. */
    private Run check(Path folder) throws IOException, InterruptedException {
        Path out = dir.resolve(folder.getFileName() + ".jsonl");
        Path err = dir.resolve(folder.getFileName() + ".err");
        Path cpu = dir.resolve(folder.getFileName() + ".cpu");
        List<String> java = jixiao(dir, "check", folder.toString(), "--format", "jsonl", "--timeout", "" + TIMEOUT_SECONDS).command();
        // The shell's `times`: user and system CPU of its children, the JVM's own children (killed ones too) included.
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\"; times > " + cpu, "sh"));
        command.addAll(java);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.waitFor();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<String> times = Files.readAllLines(cpu);
        Duration used = Duration.ZERO;
        Matcher m = CPU_TIME.matcher(times.get(times.size() - 1));
        while (m.find()) {
            used = used.plus(Duration.ofMinutes(Long.parseLong(m.group(1))))
                    .plus(Duration.ofNanos((long) (Double.parseDouble(m.group(2)) * 1e9)));
        }
        return new Run(wall, used, Files.readAllLines(out).size(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(Duration wall, Duration cpu, int reports, String stderr) {
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ProcessBuilder jixiao(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JixiaoCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    /** SIGTERM (Ctrl-C's shutdown path) and SIGKILL (no hook runs): either way no child is left. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noChildOutlivesItsParent(boolean forcibly) throws IOException, InterruptedException {
        Path hostile = Files.write(dir.resolve("fan-out.pdf"), HostileCorpus.formFanOut());
        Process check = jixiao(dir, "check", hostile.toString(), "--timeout", "600", "--workers", "1")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            ProcessHandle child = awaitChild(check, dir.resolve("err.txt"));
            if (forcibly) check.destroyForcibly();
            else check.destroy();
            check.waitFor();
            long deadline = System.nanoTime() + CHILD_EXIT_DEADLINE.toNanos();
            while (child.isAlive() && System.nanoTime() < deadline) Thread.sleep(POLL.toMillis());
            assertTrue(!child.isAlive(), "the child " + child.pid() + " still runs after its parent was "
                    + (forcibly ? "killed" : "stopped"));
        } finally {
            check.descendants().forEach(ProcessHandle::destroyForcibly);
            check.destroyForcibly();
        }
    }

    /** The child reading the file, once the parent has started it. */
    private static ProcessHandle awaitChild(Process parent, Path stderr) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + CHILD_START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = parent.children().filter(ProcessHandle::isAlive).toList();
            if (!children.isEmpty()) return children.get(0);
            if (!parent.isAlive()) {
                fail("check ended (" + parent.exitValue() + ") without a child: " + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            Thread.sleep(POLL.toMillis());
        }
        fail("no child process within " + CHILD_START_DEADLINE);
        return null;
    }
}

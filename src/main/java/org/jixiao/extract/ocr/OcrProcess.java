package org.jixiao.extract.ocr;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises images in a separate JVM ({@link OcrWorker}) started on first use and kept for the
 * next pages: the native engine prints to standard output (which carries the JSON and CSV of the
 * commands) and may crash, which must end only the worker. One worker per JVM, one page at a
 * time (the engine uses the machine's cores itself); a worker that died is started again.
 *
 * <p>The caller's interruption (the per-file time limit) ends the worker at once: native code
 * cannot be interrupted, a process can.
 */
public final class OcrProcess implements TextRecognizer {

    /** Heap of the worker (megabytes): the page image and the engine's Java side; the models live in native memory. */
    static final int WORKER_HEAP_MB = 384;

    /**
     * Resident memory the worker may take (megabytes): its heap, the ONNX runtime and the models.
     * Measured on the scanned corpus it peaks at about 430 MB; a page past this bound (a huge
     * image, a runaway native allocation) stops the worker instead of the machine.
     */
    public static final int DEFAULT_MEMORY_LIMIT_MB = 1024;

    /** How often the worker's resident memory is read while it works (milliseconds). */
    static final long MEMORY_POLL_MILLIS = 250;

    /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    /** How often the answer is looked for while the worker works (milliseconds). */
    static final long POLL_MILLIS = 20;

    /** Longest one page may take, as a last bound when no time limit of the caller ends it before. */
    static final long PAGE_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private static final Logger LOG = LoggerFactory.getLogger(OcrProcess.class);
    private static final Object LOCK = new Object();
    private static Process worker;
    private static BufferedReader answers;
    private static BufferedWriter requests;
    private static boolean hooked;

    private final int memoryLimitMb;

    /** A recogniser whose worker may take {@link #DEFAULT_MEMORY_LIMIT_MB}. */
    public OcrProcess() {
        this(DEFAULT_MEMORY_LIMIT_MB);
    }

    /** @param memoryLimitMb resident memory the worker may take while it reads a page; past it the worker is stopped */
    public OcrProcess(int memoryLimitMb) {
        this.memoryLimitMb = memoryLimitMb;
    }

    @Override
    public Recognition recognize(BufferedImage image) {
        return recognize(image, false);
    }

    @Override
    public Recognition recognizeUpright(BufferedImage image) {
        return recognize(image, true);
    }

    private Recognition recognize(BufferedImage image, boolean upright) {
        Path png = null;
        try {
            png = Files.createTempFile("jixiao-ocr-", ".png");
            ImageIO.write(image, "png", png.toFile());
            synchronized (LOCK) {
                return ask(png, upright, memoryLimitMb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(png);
        }
    }

    private static Recognition ask(Path png, boolean upright, int memoryLimitMb) throws IOException {
        if (worker == null || !worker.isAlive()) start();
        if (upright) requests.write(OcrWorker.UPRIGHT);
        requests.write(png.toAbsolutePath().toString());
        requests.newLine();
        requests.flush();
        List<RecognizedText> texts = new ArrayList<>();
        long deadline = System.currentTimeMillis() + PAGE_TIMEOUT_MILLIS;
        while (true) {
            String line = nextLine(deadline, memoryLimitMb);
            int at = line.indexOf(OcrWorker.MARK);
            if (at < 0) continue;
            String[] f = line.substring(at + OcrWorker.MARK.length()).split("\t", -1);
            switch (f[0]) {
                case OcrWorker.BOX -> texts.add(new RecognizedText(f[6], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5])));
                case OcrWorker.END -> {
                    return new Recognition(texts, Boolean.parseBoolean(f[1]));
                }
                case OcrWorker.ERROR -> {
                    if (Boolean.parseBoolean(f[1])) throw new OcrUnavailableException(f[2], null);
                    throw new IllegalStateException("OCR worker failed: " + f[2]);
                }
                default -> {
                    // A line of another version's protocol: not ours to read.
                }
            }
        }
    }

    /**
     * The next line of the worker's output, waiting while it works (polling, so that an interrupt
     * ends it, and the worker's memory is watched).
     */
    private static String nextLine(long deadline, int memoryLimitMb) throws IOException {
        long memoryCheck = 0;
        while (!answers.ready()) {
            if (!worker.isAlive()) {
                boolean outOfMemory = exitStatus() == OUT_OF_MEMORY_EXIT;
                stop();
                if (outOfMemory) {
                    throw new OcrLimitException("文字识别（OCR）子进程的堆内存超出 " + WORKER_HEAP_MB + " MB 的上限，识别已停止");
                }
                throw new IllegalStateException("OCR worker ended");
            }
            long now = System.currentTimeMillis();
            if (now >= memoryCheck) {
                memoryCheck = now + MEMORY_POLL_MILLIS;
                long resident = residentMb(worker.pid());
                if (resident > memoryLimitMb) {
                    stop();
                    throw new OcrLimitException("文字识别（OCR）子进程占用内存 " + resident + " MB，超出 " + memoryLimitMb
                            + " MB 的上限，识别已停止");
                }
            }
            if (Thread.currentThread().isInterrupted() || System.currentTimeMillis() > deadline) {
                stop();
                throw new IllegalStateException("OCR worker stopped: interrupted or past the page time limit");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("OCR interrupted", e);
            }
        }
        String line = answers.readLine();
        if (line == null) {
            stop();
            throw new IllegalStateException("OCR worker ended");
        }
        return line;
    }

    private static int exitStatus() {
        try {
            return worker.waitFor(1, TimeUnit.SECONDS) ? worker.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Resident memory of a process in megabytes, from Linux's /proc; 0 where that cannot be read
     * (another system, the process gone): the heap bound of the worker still holds there.
     */
    static long residentMb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just ended: nothing to measure
        }
        return 0;
    }

    private static void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A heap of its own, and a worker that runs out of it stops at once (exit status 3)
        // rather than limping on: the page gets a finding with the reason.
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + WORKER_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), OcrWorker.class.getName());
        // The JVM's warning about the native library's stack guard and the engine's own log are no
        // business of the user; the worker reports failures on its answer lines.
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        worker = pb.start();
        answers = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        requests = new BufferedWriter(new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8));
        LOG.info("OCR worker started (pid {})", worker.pid());
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(OcrProcess::stopQuietly));
            hooked = true;
        }
    }

    private static void stopQuietly() {
        synchronized (LOCK) {
            stop();
        }
    }

    private static void stop() {
        if (worker != null) worker.destroyForcibly();
        worker = null;
    }

    static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is removed with the temporary folder.
        }
    }
}

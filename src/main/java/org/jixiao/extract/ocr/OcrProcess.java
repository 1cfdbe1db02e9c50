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

    /** Heap of the worker: the page image and the engine's Java side; the models live in native memory. */
    static final String WORKER_HEAP = "-Xmx384m";

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

    @Override
    public Recognition recognize(BufferedImage image) {
        Path png = null;
        try {
            png = Files.createTempFile("jixiao-ocr-", ".png");
            ImageIO.write(image, "png", png.toFile());
            synchronized (LOCK) {
                return ask(png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(png);
        }
    }

    private static Recognition ask(Path png) throws IOException {
        if (worker == null || !worker.isAlive()) start();
        requests.write(png.toAbsolutePath().toString());
        requests.newLine();
        requests.flush();
        List<RecognizedText> texts = new ArrayList<>();
        long deadline = System.currentTimeMillis() + PAGE_TIMEOUT_MILLIS;
        while (true) {
            String line = nextLine(deadline);
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

    /** The next line of the worker's output, waiting while it works (polling, so that an interrupt ends it). */
    private static String nextLine(long deadline) throws IOException {
        while (!answers.ready()) {
            if (!worker.isAlive()) {
                stop();
                throw new IllegalStateException("OCR worker ended");
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

    private static void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, WORKER_HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
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

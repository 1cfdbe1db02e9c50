package org.jixiao.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jixiao.extract.pdf.ScanProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reading child: its process, the frames it answers and its log. A reader thread takes the
 * child's frames off its stdout, so that the parent can wait for an answer with a deadline; a
 * second thread passes the child's stderr (library chatter, its log) to this log at debug level.
 */
final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** Lines of the child's stderr kept to explain a child that would not start. */
    private static final int STDERR_LINES_KEPT = 20;

    /** How long a killed child may take to be gone (the kernel frees it at once; this is a safety bound). */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /** Put on the queue when the child's stdout ends: the child has exited or closed it. */
    private static final Object GONE = new Object();

    private final Process process;
    private final DataOutputStream requests;
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final Deque<String> lastStderr = new ArrayDeque<>();

    /** The child stopped without answering: it crashed or ran out of memory. */
    static final class ExitedException extends Exception {
        private final boolean outOfMemory;

        ExitedException(String message, boolean outOfMemory) {
            super(message);
            this.outOfMemory = outOfMemory;
        }

        boolean outOfMemory() {
            return outOfMemory;
        }
    }

    private Worker(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        Thread reader = new Thread(this::readAnswers, "jixiao-worker-" + process.pid() + "-out");
        reader.setDaemon(true);
        reader.start();
        Thread log = new Thread(this::relayStderr, "jixiao-worker-" + process.pid() + "-err");
        log.setDaemon(true);
        log.start();
    }

    /** Starts a child and waits until it has loaded its mappings and readers. */
    static Worker start(List<String> command, Duration startup) throws IOException, ExitedException, TimeoutException,
            InterruptedException {
        Worker w = new Worker(new ProcessBuilder(command).start());
        try {
            Object first = w.next(startup);
            if (!(first instanceof WorkerProtocol.Response r) || r.kind() != WorkerProtocol.Kind.READY) {
                throw new IOException("child " + w.pid() + " began with " + first);
            }
            return w;
        } catch (IOException | ExitedException | TimeoutException | InterruptedException | RuntimeException e) {
            w.kill();
            LOG.warn("读取文件的子进程 {} 未能启动：{}；其输出：{}", w.pid(), e.getMessage(), w.stderrTail());
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends one request and waits for its answer at most {@code timeout}. */
    WorkerProtocol.Response call(WorkerProtocol.Request request, Duration timeout)
            throws ExitedException, TimeoutException, InterruptedException {
        try {
            WorkerProtocol.write(requests, request);
        } catch (IOException e) {
            // The child is gone (its stdin closed): the exit status says why.
            throw exited();
        }
        Object answer = next(timeout);
        if (answer instanceof WorkerProtocol.Response r) return r;
        throw new IllegalStateException("child " + pid() + " answered " + answer);
    }

    private Object next(Duration timeout) throws ExitedException, TimeoutException, InterruptedException {
        Object answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) throw new TimeoutException("no answer from child " + pid() + " within " + timeout);
        if (answer == GONE) throw exited();
        return answer;
    }

    private ExitedException exited() throws InterruptedException {
        boolean ended = process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        int status = ended ? process.exitValue() : -1;
        LOG.debug("读取文件的子进程 {} 已退出（状态 {}）：{}", pid(), status, stderrTail());
        return new ExitedException("child " + pid() + " exited with status " + status,
                status == WorkerCommand.OUT_OF_MEMORY_EXIT);
    }

    /** Ends the child at once (a parser stuck in a loop does not listen) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("读取文件的子进程 {} 在 {} 秒内未结束", pid(), KILL_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAnswers() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
            while (true) answers.add(WorkerProtocol.read(in));
        } catch (IOException e) {
            // EOF when the child exits. Anything else (bytes that are no frame of ours) ends the
            // reading too: the child is then waited for, its exit status says why, and it is killed.
            if (!(e instanceof java.io.EOFException)) LOG.debug("读取文件的子进程 {} 的应答无法识别：{}", pid(), e.toString());
        } finally {
            answers.add(GONE);
        }
    }

    private void relayStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                int progress = line.indexOf(ScanProgress.MARK);
                if (progress >= 0) {
                    // A page of a long scan recognised in the child: the user's to see, not the log's.
                    ScanProgress.deliver(line.substring(progress + ScanProgress.MARK.length()));
                    continue;
                }
                LOG.debug("[子进程 {}] {}", pid(), line);
                synchronized (lastStderr) {
                    lastStderr.addLast(line);
                    if (lastStderr.size() > STDERR_LINES_KEPT) lastStderr.removeFirst();
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private String stderrTail() {
        synchronized (lastStderr) {
            return String.join(" | ", lastStderr);
        }
    }
}

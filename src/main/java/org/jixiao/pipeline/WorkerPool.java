package org.jixiao.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.model.Report;
import org.jixiao.model.SourceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child JVMs that read files (ingest is done; extract → normalize → verify), one file at a time
 * each, so that a parser stuck on a hostile file can be stopped: Java cannot stop a thread, but the
 * parent can kill a process. A child past the timeout, or one that died (a crash, out of memory),
 * is killed and the file reported unreadable with the reason; the next file gets a new child.
 * Children start when a file needs one and no idle one is left (several start in parallel when
 * several files are read at once), and stay warm for the next file.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /**
     * Start-up of a child (a JVM, the mappings, the readers) is not the file's time: a few seconds,
     * more on a loaded machine; past this the machine is in trouble and the file is reported.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    static final String START_FAILED = "无法启动读取文件的子进程（详见日志）";
    static final String CHILD_CRASHED = "读取该文件的子进程意外退出，文件可能已损坏或含有不支持的内容";

    private final WorkerCommand command;
    private final Limits limits;
    private final Semaphore slots;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final Set<Worker> alive = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    WorkerPool(WorkerSettings settings, Limits limits) {
        this.command = new WorkerCommand(settings, limits);
        this.limits = limits;
        this.slots = new Semaphore(settings.workers(), true);
    }

    Report report(SourceDocument source) {
        return call(WorkerProtocol.Request.of(source, WorkerProtocol.Task.REPORT)).report();
    }

    ExtractedDocument blocks(SourceDocument source) {
        return call(WorkerProtocol.Request.of(source, WorkerProtocol.Task.BLOCKS)).document(source);
    }

    /** A PDF's page count, read in a child: the parent never parses the file. */
    int pages(SourceDocument source) {
        return call(WorkerProtocol.Request.of(source, WorkerProtocol.Task.PAGES)).pages();
    }

    /** One page of a PDF drawn in a child, under the same time and memory limits as a reading. */
    PageImage pageImage(SourceDocument source, int page) {
        return call(WorkerProtocol.Request.of(source, WorkerProtocol.Task.PAGE_IMAGE, page, null)).image();
    }

    /** Where a figure and its label stand on a page (0: the first page they are found on), found in a child. */
    PageHighlights highlights(SourceDocument source, FigureQuery query) {
        return call(WorkerProtocol.Request.of(source, WorkerProtocol.Task.HIGHLIGHTS, query.page(), query)).highlights();
    }

    /** Process ids of the children alive now (tests watch them). */
    List<Long> pids() {
        return alive.stream().map(Worker::pid).toList();
    }

    private WorkerProtocol.Response call(WorkerProtocol.Request request) {
        String name = request.fileName();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableInputException(name, Pipeline.INTERRUPTED);
        }
        Worker worker = null;
        boolean reusable = false;
        try {
            worker = take(name);
            WorkerProtocol.Response answer = worker.call(request, limits.timeout());
            reusable = true;
            if (answer.kind() == WorkerProtocol.Kind.UNREADABLE) throw answer.failure();
            return answer;
        } catch (TimeoutException e) {
            throw new UnreadableInputException(name, Pipeline.timeoutReason(limits), e);
        } catch (Worker.ExitedException e) {
            throw new UnreadableInputException(name, e.outOfMemory() ? Pipeline.OUT_OF_MEMORY : CHILD_CRASHED, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableInputException(name, Pipeline.INTERRUPTED, e);
        } finally {
            if (worker != null) {
                if (reusable && !closed) {
                    idle.add(worker);
                } else {
                    // Timed out, dead or interrupted mid-file: its state is unknown, it is not reused.
                    retire(worker);
                }
            }
            slots.release();
        }
    }

    /** An idle child that is still alive, or a new one. */
    private Worker take(String name) throws InterruptedException {
        for (Worker w; (w = idle.poll()) != null; ) {
            if (w.alive()) return w;
            retire(w);
        }
        if (closed) throw new IllegalStateException("worker pool closed");
        try {
            Worker w = Worker.start(command.command(), STARTUP_TIMEOUT);
            alive.add(w);
            if (closed) {
                // close() ran while this child started: it would outlive the pool.
                retire(w);
                throw new IllegalStateException("worker pool closed");
            }
            LOG.debug("读取文件的子进程 {} 已启动", w.pid());
            return w;
        } catch (IOException | TimeoutException | Worker.ExitedException e) {
            throw new UnreadableInputException(name, START_FAILED, e);
        }
    }

    private void retire(Worker w) {
        alive.remove(w);
        w.kill();
    }

    /** Kills every child, busy or idle; files being read are reported unreadable. */
    @Override
    public void close() {
        closed = true;
        for (Worker w : List.copyOf(alive)) retire(w);
        idle.clear();
    }
}

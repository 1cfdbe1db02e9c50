package org.jixiao.route;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.ReportSearcher;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.model.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the service's index, with batched commits, and the searcher that sees them.
 *
 * <p>Every route thread adds through the same {@link ReportIndex}; a single committer thread
 * commits at most every {@link #COMMIT_INTERVAL} when something was added and then opens a new
 * searcher, so a report is searchable well within two seconds of being checked while a burst of
 * files costs one commit, not one per file. A process killed between commits loses the index's last
 * additions; {@code done/} still has them and the service re-adds them at start.
 */
public final class LiveIndex implements AutoCloseable {

    /** Longest time between a report being added and it being searchable (plus one searcher reopen). */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(300);

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    private final Path directory;
    private final ReportIndex index;
    private final ScheduledExecutorService committer;
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** The searcher of the last commit; a replaced one is closed when the last search on it ends. */
    private Held current;
    private CompletableFuture<Void> nextCommit = new CompletableFuture<>();

    private LiveIndex(Path directory, ReportIndex index) throws IOException {
        this.directory = directory;
        this.index = index;
        index.commit(); // a fresh index has no commit point yet, and a searcher needs one
        this.current = new Held(ReportSearcher.open(directory));
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-index-commit");
            t.setDaemon(true);
            return t;
        });
        long ms = COMMIT_INTERVAL.toMillis();
        committer.scheduleWithFixedDelay(this::commitQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    public static LiveIndex open(Path directory, org.jixiao.normalize.RegionResolver regions) throws IOException {
        return new LiveIndex(directory, ReportIndex.open(directory, regions));
    }

    /** Adds or replaces a report; searchable after the next commit. */
    public void add(Report report) throws IOException {
        index.add(report);
        dirty.set(true);
    }

    public boolean contains(String sha256) {
        return index.contains(sha256);
    }

    public SearchResult search(SearchRequest request) {
        Held held;
        synchronized (this) {
            held = current;
            held.references++;
        }
        try {
            return held.searcher.search(request);
        } finally {
            release(held);
        }
    }

    /** A searcher and the number of users: the index's own reference while current, plus one per running search. */
    private static final class Held {
        final ReportSearcher searcher;
        int references = 1;

        Held(ReportSearcher searcher) {
            this.searcher = searcher;
        }
    }

    private synchronized void release(Held held) {
        if (--held.references == 0) {
            try {
                held.searcher.close();
            } catch (IOException e) {
                LOG.warn("关闭旧的索引读取器失败：{}", e.toString());
            }
        }
    }

    /** Completes once the next commit after this call is searchable. */
    public synchronized CompletableFuture<Void> nextCommit() {
        return nextCommit;
    }

    /** Commits now if anything was added, and opens a searcher that sees it. */
    public synchronized void commit() throws IOException {
        CompletableFuture<Void> waiting = nextCommit;
        if (dirty.getAndSet(false)) {
            index.commit();
            Held replaced = current;
            current = new Held(ReportSearcher.open(directory));
            release(replaced);
        }
        nextCommit = new CompletableFuture<>();
        waiting.complete(null);
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            dirty.set(true); // try again next time
            LOG.warn("索引提交失败，稍后重试：{}", e.toString());
        }
    }

    /** Commits what was added and closes writer and searchers. */
    @Override
    public void close() throws IOException {
        committer.shutdown();
        try {
            committer.awaitTermination(COMMIT_INTERVAL.toMillis() * 10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll();
    }

    private synchronized void closeAll() throws IOException {
        try {
            index.close();
        } finally {
            release(current);
            nextCommit.complete(null);
        }
    }
}

package org.jixiao.route;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
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
 *
 * <p>A write that fails (a full disk) stops the commits until {@link #repair()}: Lucene closes a
 * writer for good when a flush fails half-way ("tragic"), so the repair opens a new writer on the
 * last commit, and the caller re-adds from {@code done/} what that commit lacks, as at start.
 */
public final class LiveIndex implements AutoCloseable {

    /** Longest time between a report being added and it being searchable (plus one searcher reopen). */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(300);

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    private final Path directory;
    private final org.jixiao.normalize.RegionResolver regions;
    /** Replaced only by {@link #repair()}, under the write lock; adds hold the read lock. */
    private volatile ReportIndex index;
    private final ReentrantReadWriteLock writer = new ReentrantReadWriteLock();
    /** The first write that failed since the last repair; null while the index is healthy. */
    private volatile Throwable writeFailure;
    private volatile Consumer<Throwable> onWriteFailure = e -> { };
    private final ScheduledExecutorService committer;
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** The searcher of the last commit; a replaced one is closed when the last search on it ends. */
    private Held current;
    private CompletableFuture<Void> nextCommit = new CompletableFuture<>();

    private LiveIndex(Path directory, ReportIndex index, org.jixiao.normalize.RegionResolver regions) throws IOException {
        this.directory = directory;
        this.regions = regions;
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
        return new LiveIndex(directory, ReportIndex.open(directory, regions), regions);
    }

    /** Told of the first write that fails (the service then stops taking work until a repair succeeds). */
    public void onWriteFailure(Consumer<Throwable> listener) {
        this.onWriteFailure = listener;
    }

    /** Adds or replaces a report; searchable after the next commit. */
    public void add(Report report) throws IOException {
        writer.readLock().lock();
        try {
            index.add(report);
        } catch (IOException | RuntimeException e) {
            if (index.broken()) {
                failed(e);
                throw new IOException("索引写入器已关闭，等待修复", e);
            }
            throw e;
        } finally {
            writer.readLock().unlock();
        }
        dirty.set(true);
    }

    public boolean contains(String sha256) {
        writer.readLock().lock();
        try {
            return index.contains(sha256);
        } finally {
            writer.readLock().unlock();
        }
    }

    /** A write failed since the last repair: nothing is committed until {@link #repair()}. */
    public boolean needsRepair() {
        return writeFailure != null || index.broken();
    }

    private void failed(Throwable e) {
        if (writeFailure != null) return;
        writeFailure = e;
        LOG.warn("索引写入失败，暂停提交，待修复：{}", e.toString());
        onWriteFailure.accept(e);
    }

    /**
     * Makes the index writable again after a failed write: a writer Lucene closed is replaced by one
     * on the last commit (what was added since is gone from the index, and the caller re-adds it
     * from done/), one still open commits again. Throws, leaving the index as it was, while it still
     * cannot write.
     */
    public synchronized void repair() throws IOException {
        if (!needsRepair()) return;
        writer.writeLock().lock();
        try {
            if (index.broken()) {
                LOG.warn("索引写入器已因写入失败关闭，在上次提交的基础上重新打开");
                try {
                    index.abandon();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("关闭已失效的索引写入器时出错：{}", e.toString());
                }
                index = ReportIndex.open(directory, regions);
            }
            index.commit();
            writeFailure = null;
        } finally {
            writer.writeLock().unlock();
        }
        dirty.set(false);
        Held replaced = current;
        current = new Held(ReportSearcher.open(directory));
        release(replaced);
        CompletableFuture<Void> waiting = nextCommit;
        nextCommit = new CompletableFuture<>();
        waiting.complete(null);
        LOG.warn("索引已恢复写入");
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
            try {
                index.commit();
            } catch (IOException | RuntimeException e) {
                dirty.set(true);
                failed(e);
                throw e;
            }
            Held replaced = current;
            current = new Held(ReportSearcher.open(directory));
            release(replaced);
        }
        nextCommit = new CompletableFuture<>();
        waiting.complete(null);
    }

    private void commitQuietly() {
        if (writeFailure != null) return; // waiting for repair(): a commit now would fail the same way
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            // failed() has logged it and told the service, which repairs the index once it can write
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

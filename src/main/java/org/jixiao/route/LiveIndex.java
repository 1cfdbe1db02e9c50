package org.jixiao.route;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.SearchStore;
import org.jixiao.model.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's writer of its search store, with batched commits, and the searches that see them.
 * The embedded index has this one writer; a SolrCloud collection may have one per worker process,
 * and {@link ReportIndex} keeps their versions consistent (it reads and reconciles them in the store).
 *
 * <p>Every route thread adds through the same {@link ReportIndex} (the versioning rules over the
 * {@link SearchStore}); a single committer thread commits at most every {@link #COMMIT_INTERVAL}
 * when something was added, so a report is searchable well within two seconds of being checked
 * while a burst of files costs one commit, not one per file. A process killed between commits
 * loses the index's last additions; {@code done/} and the store of record still have them and the
 * service re-adds them at start.
 *
 * <p>A write that fails (a full disk) stops the commits until {@link #repair()}: the embedded index
 * closes its writer for good when a flush fails half-way, so the repair opens the store again on
 * its last commit, and the caller re-adds what that commit lacks, as at start. A cluster's store
 * never breaks (it keeps what it could not send): its repair is the commit tried again once the
 * cluster answers.
 */
public final class LiveIndex implements AutoCloseable {

    /** Longest time between a report being added and it being searchable (plus one searcher reopen). */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(300);

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    private final SearchStore.Opener opener;
    /** Replaced only by {@link #repair()}, under the write lock; adds hold the read lock. */
    private volatile ReportIndex index;
    private final ReentrantReadWriteLock writer = new ReentrantReadWriteLock();
    /** The first write that failed since the last repair; null while the index is healthy. */
    private volatile Throwable writeFailure;
    private volatile Consumer<Throwable> onWriteFailure = e -> { };
    private final ScheduledExecutorService committer;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private CompletableFuture<Void> nextCommit = new CompletableFuture<>();

    private LiveIndex(SearchStore.Opener opener, ReportIndex index) {
        this.opener = opener;
        this.index = index;
        this.committer = daemonScheduler("jixiao-index-commit");
        long ms = COMMIT_INTERVAL.toMillis();
        committer.scheduleWithFixedDelay(this::commitQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One daemon thread for periodic work: it never keeps the JVM alive. */
    static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the store (for writing) through {@code opener}, which {@link #repair()} uses again.
     *
     * @throws org.jixiao.index.IndexLockedException when another process writes it
     */
    public static LiveIndex open(SearchStore.Opener opener) throws IOException {
        ReportIndex index = ReportIndex.over(opener.open());
        try {
            index.commit(); // a fresh index has no commit point yet: searches answer from the start
        } catch (IOException | RuntimeException e) {
            index.abandon();
            throw e;
        }
        return new LiveIndex(opener, index);
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

    /** Whether the report is indexed (over a shared store, by this process or another: see {@link ReportIndex#contains}). */
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
     * Makes the index writable again after a failed write: a broken store is replaced by one opened
     * again on its last commit (what was added since is gone from it, and the caller re-adds it),
     * one still writable commits again. Throws, leaving the index as it was, while it still
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
                index = ReportIndex.over(opener.open());
            }
            index.commit();
            writeFailure = null;
        } finally {
            writer.writeLock().unlock();
        }
        dirty.set(false);
        CompletableFuture<Void> waiting = nextCommit;
        nextCommit = new CompletableFuture<>();
        waiting.complete(null);
        LOG.warn("索引已恢复写入");
    }

    /** Searches the last commit; during a {@link #repair()} it waits for the store opened again rather than fail on the closed one. */
    public SearchResult search(SearchRequest request) {
        writer.readLock().lock();
        try {
            return index.search(request);
        } finally {
            writer.readLock().unlock();
        }
    }

    /** Every version of the project of report {@code sha256}, newest first (see {@link ReportIndex#history}). */
    public List<SearchResult.Hit> history(String sha256) {
        writer.readLock().lock();
        try {
            return index.history(sha256);
        } finally {
            writer.readLock().unlock();
        }
    }

    /** Completes once the next commit after this call is searchable. */
    public synchronized CompletableFuture<Void> nextCommit() {
        return nextCommit;
    }

    /** Commits now if anything was added; the next search sees it. */
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

    /** Commits what was added and closes the store. */
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
            nextCommit.complete(null);
        }
    }
}

package org.jixiao.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;

/**
 * The versioning rules over a {@link SearchStore}: which report of a series is current and which
 * are history. They live here, above the port, so that every store implementation keeps versions
 * the same way and none has to know them.
 *
 * <p>Identity is the file's sha256: indexing the same bytes again replaces their entries and keeps
 * their place in the history. A new file of the same series (kind, year, region, project) becomes
 * current and the previous current one becomes history. Deleting the current version makes the
 * newest remaining one current again. Nothing is visible to searches, and nothing survives a crash,
 * until {@link #commit()}.
 */
public final class ReportIndex implements Closeable {

    /** What {@link #add} did. */
    public enum Outcome {
        /** A report not seen before. */
        ADDED,
        /** The same file again: its entries were replaced. */
        REPLACED,
        /** A new version of a series: it is current, the previous version became history. */
        SUPERSEDED
    }

    /**
     * Longest time between commits while a batch is indexed ({@link #commitIfDue()}): a crash loses
     * at most this much work, which running the command again redoes (identity is the file's hash),
     * and commits stay rare enough that segments are flushed large.
     */
    public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);

    /** Lock stripes: many more than indexing threads, so unrelated series rarely share one. */
    static final int SERIES_LOCK_STRIPES = 64;

    private final SearchStore store;
    /** Every stored report by sha256; kept in memory so adding needs no search. */
    private final Map<String, SearchStore.Version> versions = new HashMap<>();
    /** The current version's sha256 of each series. */
    private final Map<String, String> currentBySeries = new HashMap<>();
    private long clock;
    private volatile long lastCommit = System.nanoTime();
    /** Serialises the versions of one series; striped so unrelated reports index in parallel. */
    private final Lock[] seriesLocks = new Lock[SERIES_LOCK_STRIPES];

    private ReportIndex(SearchStore store) {
        this.store = store;
        for (int i = 0; i < seriesLocks.length; i++) seriesLocks[i] = new ReentrantLock();
    }

    /**
     * The rules over {@code store}, their state read from what it holds. On failure the store is
     * closed without writing anything into it.
     */
    public static ReportIndex over(SearchStore store) throws IOException {
        ReportIndex index = new ReportIndex(store);
        try {
            for (SearchStore.Version v : store.versions()) {
                index.versions.put(v.sha256(), v);
                if (v.current()) index.currentBySeries.put(v.series(), v.sha256());
                index.clock = Math.max(index.clock, v.indexedAt());
            }
        } catch (IOException | RuntimeException e) {
            store.abandon();
            throw e;
        }
        return index;
    }

    /**
     * Opens (creating if needed) the embedded Lucene index in {@code dir}: the default store.
     *
     * @throws IndexLockedException when another process writes it
     * @throws IndexFormatException when it is of another layout or damaged
     */
    public static ReportIndex open(Path dir, RegionResolver regions) throws IOException {
        return SearchLocation.lucene(dir).openIndex(regions);
    }

    /** The series a report belongs to: later versions of the same submission share it. */
    public static String series(Report r) {
        if (r.project().name() == null || r.project().name().isBlank()) return "sha:" + r.source().sha256();
        return String.join("|", String.valueOf(r.kind()), String.valueOf(r.year()),
                r.regionCode() == null ? String.valueOf(r.region()) : r.regionCode(), r.project().name().strip());
    }

    /**
     * Adds or replaces a report; visible after {@link #commit()}. Safe to call from several threads:
     * reports of different series are written in parallel, reports of one series one after the
     * other (so versions never race).
     */
    public Outcome add(Report report) throws IOException {
        String sha = report.source() == null ? null : report.source().sha256();
        if (sha == null) throw new IllegalArgumentException("报告缺少来源文件的 sha256，无法建立索引");
        String series = series(report);
        Lock lock = seriesLock(series);
        lock.lock();
        try {
            SearchStore.Version existing;
            String previous;
            synchronized (this) {
                existing = versions.get(sha);
                previous = currentBySeries.get(series);
            }
            if (existing != null) {
                // The same bytes again: same series, same place in its history.
                store.replace(report, existing);
                return Outcome.REPLACED;
            }
            if (previous != null) setCurrent(previous, false);
            SearchStore.Version version = new SearchStore.Version(sha, series, tick(), true);
            store.add(report, version);
            synchronized (this) {
                versions.put(sha, version);
                currentBySeries.put(series, sha);
            }
            return previous == null ? Outcome.ADDED : Outcome.SUPERSEDED;
        } finally {
            lock.unlock();
        }
    }

    private synchronized long tick() {
        return ++clock;
    }

    private Lock seriesLock(String series) {
        return seriesLocks[Math.floorMod(series.hashCode(), seriesLocks.length)];
    }

    /** Removes a report and its entries; the newest remaining version of its series becomes current. */
    public boolean delete(String sha256) throws IOException {
        SearchStore.Version entry;
        synchronized (this) {
            entry = versions.get(sha256);
        }
        if (entry == null) return false;
        Lock lock = seriesLock(entry.series());
        lock.lock();
        try {
            String newest = null;
            synchronized (this) {
                SearchStore.Version removed = versions.remove(sha256);
                if (removed == null) return false;
                if (removed.current()) {
                    currentBySeries.remove(removed.series());
                    newest = versionsOf(removed.series()).stream().findFirst().map(SearchStore.Version::sha256).orElse(null);
                }
            }
            store.delete(sha256);
            if (newest != null) setCurrent(newest, true);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The versions of a series, newest first; the caller holds this object's monitor. */
    private List<SearchStore.Version> versionsOf(String series) {
        List<SearchStore.Version> out = new ArrayList<>();
        for (SearchStore.Version v : versions.values()) if (v.series().equals(series)) out.add(v);
        out.sort(Comparator.comparingLong(SearchStore.Version::indexedAt).reversed());
        return out;
    }

    public synchronized boolean contains(String sha256) {
        return versions.containsKey(sha256);
    }

    /**
     * Every version of the series of the report {@code sha256} (its report entries), newest first,
     * each flagged current or history; empty when the report is not indexed. As of the last commit.
     */
    public List<SearchResult.Hit> history(String sha256) {
        List<String> shas;
        synchronized (this) {
            SearchStore.Version v = versions.get(sha256);
            if (v == null) return List.of();
            shas = versionsOf(v.series()).stream().map(SearchStore.Version::sha256).toList();
        }
        return store.reports(shas);
    }

    /** Searches the last commit. */
    public SearchResult search(SearchRequest request) {
        return store.search(request);
    }

    /** The store under the rules. */
    public SearchStore store() {
        return store;
    }

    /** Makes everything added so far durable and visible, atomically. */
    public void commit() throws IOException {
        lastCommit = System.nanoTime();
        store.commit();
    }

    /** Commits when {@link #COMMIT_INTERVAL} has passed since the last commit; for batch indexing. */
    public void commitIfDue() throws IOException {
        if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos()) commit();
    }

    /** Commits what was added and closes. */
    @Override
    public void close() throws IOException {
        store.close();
    }

    /** Whether the store can no longer write until it is opened again (see {@link SearchStore#broken()}). */
    public boolean broken() {
        return store.broken();
    }

    /** What made the store broken (a write that ran out of space …), or null. */
    public Throwable tragedy() {
        return store.failure();
    }

    /** Closes without committing, dropping everything since the last commit. */
    public void abandon() throws IOException {
        store.abandon();
    }

    /**
     * Marks a report current or history, in the store and in the rules' state. The caller holds
     * the series lock.
     */
    private void setCurrent(String sha256, boolean current) throws IOException {
        store.mark(sha256, current);
        synchronized (this) {
            SearchStore.Version v = versions.get(sha256);
            if (v == null) return;
            versions.put(sha256, new SearchStore.Version(sha256, v.series(), v.indexedAt(), current));
            if (current) currentBySeries.put(v.series(), sha256);
            else currentBySeries.remove(v.series(), sha256);
        }
    }
}

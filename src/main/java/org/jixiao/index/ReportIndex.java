package org.jixiao.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * until {@link #commit()}. "Newest" is the largest {@code indexedAt}: microseconds of the wall clock
 * when the version was indexed, so versions indexed by different processes compare.
 *
 * <p><b>One writer or several.</b> Over a store with one writer (the embedded index, which its lock
 * guards) the rules' state is kept in memory, read once from the store when opened. Over a
 * {@linkplain SearchStore#shared() shared} store (a SolrCloud collection several workers write)
 * memory would go stale, so the series a commit wrote are settled from the store: just before the
 * commit their versions are read (every writer's commits and this one's held writes) and the
 * newest is marked current and every other one history, and just after it the same again, on what
 * every writer has committed by then; if that changed anything it is committed and checked again.
 * The writer whose write to a series becomes visible last reads every version there is after it,
 * so whatever the others decided on what they saw, the series ends with exactly its newest version
 * current: eventual consistency without a lock across machines. Between a commit and the next
 * look another writer's racing version may be current beside it, for that moment only.
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

    /**
     * Rounds of reconciling after one commit: a round changes something only when another writer
     * committed meanwhile, so a second round almost always finds the series settled; a series still
     * changing after these is reconciled again after the next commit.
     */
    static final int RECONCILE_ROUNDS = 3;

    /** Newest first; equal times (two processes in one microsecond) ordered by sha256, the same everywhere. */
    static final Comparator<SearchStore.Version> NEWEST_FIRST = Comparator.comparingLong(SearchStore.Version::indexedAt)
            .thenComparing(SearchStore.Version::sha256).reversed();

    private final SearchStore store;
    /**
     * Every stored report by sha256; kept in memory so adding needs no search. Over a shared store,
     * the reports known to be stored (their flags may be stale; {@link #contains} and {@link #add} use it).
     */
    private final Map<String, SearchStore.Version> versions = new HashMap<>();
    /** The current version's sha256 of each series (over a shared store: a known version of each series). */
    private final Map<String, String> currentBySeries = new HashMap<>();
    private long clock;
    private volatile long lastCommit = System.nanoTime();
    /** Whether other processes write the store too (see the class documentation). */
    private final boolean shared;
    /** Series written since the last commit, reconciled after it (shared stores only); guarded by this. */
    private Set<String> touched = new HashSet<>();
    /** Set by {@link #abandon()}: a later {@link #close()} commits nothing. */
    private volatile boolean abandoned;
    /** One commit and its reconciling at a time. */
    private final Lock committing = new ReentrantLock();
    /**
     * Over a shared store: writes hold the read side, a commit the write side while it settles its
     * series and sends them, so that no report lands in a commit unsettled (the store takes no
     * write while it commits anyway).
     */
    private final java.util.concurrent.locks.ReadWriteLock writes = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** Serialises the versions of one series; striped so unrelated reports index in parallel. */
    private final Lock[] seriesLocks = new Lock[SERIES_LOCK_STRIPES];

    private ReportIndex(SearchStore store) {
        this.store = store;
        this.shared = store.shared();
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
        if (shared) {
            writes.readLock().lock();
            Lock lock = seriesLock(series);
            lock.lock();
            try {
                return addShared(report, sha, series);
            } finally {
                lock.unlock();
                writes.readLock().unlock();
            }
        }
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

    /**
     * {@link #add} over a shared store. Only whether the file is stored already is asked here (a
     * real-time get by id, when this process has not seen it): the series' versions are read and
     * settled for all the reports of a commit at once, just before it and again after it
     * ({@link #commit()}), a few queries a commit rather than one per report. Until then the new
     * version is held as current; so the outcome says {@code SUPERSEDED} when this process knows an
     * earlier version of the series. The caller holds the series lock.
     */
    private Outcome addShared(Report report, String sha, String series) throws IOException {
        SearchStore.Version known;
        synchronized (this) {
            known = versions.get(sha);
        }
        if (known == null) known = store.version(sha).orElse(null);
        Outcome outcome;
        if (known != null) {
            // The same bytes again, here or by another writer: same series, same place in its history.
            store.replace(report, known);
            outcome = Outcome.REPLACED;
        } else {
            known = new SearchStore.Version(sha, series, tick(), true);
            store.add(report, known);
            synchronized (this) {
                outcome = currentBySeries.containsKey(series) ? Outcome.SUPERSEDED : Outcome.ADDED;
            }
        }
        synchronized (this) {
            versions.put(sha, known);
            currentBySeries.put(series, sha);
            touched.add(series);
        }
        return outcome;
    }

    /**
     * The next {@code indexedAt}: the wall clock in microseconds, strictly above every value given
     * or read before, so that it orders after what this process and the store already hold (also an
     * index of earlier versions, whose values are small counters).
     */
    private synchronized long tick() {
        long now = java.util.concurrent.TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        clock = Math.max(clock + 1, now);
        return clock;
    }

    /** A value read from the store: later ticks go above it. */
    private synchronized void seen(long indexedAt) {
        clock = Math.max(clock, indexedAt);
    }

    private Lock seriesLock(String series) {
        return seriesLocks[stripe(series)];
    }

    private static int stripe(String series) {
        return Math.floorMod(series.hashCode(), SERIES_LOCK_STRIPES);
    }

    /** Removes a report and its entries; the newest remaining version of its series becomes current. */
    public boolean delete(String sha256) throws IOException {
        if (shared) return deleteShared(sha256);
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

    /** {@link #delete} over a shared store: the series' versions read from it. */
    private boolean deleteShared(String sha256) throws IOException {
        SearchStore.Version entry = store.version(sha256).orElse(null);
        if (entry == null) {
            synchronized (this) {
                versions.remove(sha256);
            }
            return false;
        }
        writes.readLock().lock();
        Lock lock = seriesLock(entry.series());
        lock.lock();
        try {
            List<SearchStore.Version> remaining = new ArrayList<>(store.versionsOf(entry.series()));
            if (!remaining.removeIf(v -> v.sha256().equals(sha256))) return false;
            store.delete(sha256);
            remaining.sort(NEWEST_FIRST);
            if (!remaining.isEmpty() && !remaining.get(0).current()) store.mark(remaining.get(0).sha256(), true);
            synchronized (this) {
                versions.remove(sha256);
                touched.add(entry.series());
            }
            return true;
        } finally {
            lock.unlock();
            writes.readLock().unlock();
        }
    }

    /** The versions of a series, newest first; the caller holds this object's monitor. */
    private List<SearchStore.Version> versionsOf(String series) {
        List<SearchStore.Version> out = new ArrayList<>();
        for (SearchStore.Version v : versions.values()) if (v.series().equals(series)) out.add(v);
        out.sort(NEWEST_FIRST);
        return out;
    }

    /**
     * Whether the report is indexed. Over a shared store a report this process has not seen is
     * looked up in the store (another worker may have indexed it), and remembered once found.
     *
     * @throws java.io.UncheckedIOException when the shared store cannot be asked
     */
    public boolean contains(String sha256) {
        synchronized (this) {
            boolean known = versions.containsKey(sha256);
            if (known || !shared) return known;
        }
        SearchStore.Version v;
        try {
            v = store.version(sha256).orElse(null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (v == null) return false;
        synchronized (this) {
            versions.putIfAbsent(sha256, v);
            currentBySeries.putIfAbsent(v.series(), sha256);
        }
        return true;
    }

    /**
     * Every version of the series of the report {@code sha256} (its report entries), newest first,
     * each flagged current or history; empty when the report is not indexed. As of the last commit.
     */
    public List<SearchResult.Hit> history(String sha256) {
        if (shared) {
            try {
                SearchStore.Version v = store.version(sha256).orElse(null);
                if (v == null) return List.of();
                return store.reports(store.versionsOf(v.series()).stream().sorted(NEWEST_FIRST).map(SearchStore.Version::sha256).toList());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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

    /**
     * Makes everything added so far durable and visible, atomically. Over a shared store it then
     * reconciles the series written since the last commit (see the class documentation).
     */
    public void commit() throws IOException {
        lastCommit = System.nanoTime();
        if (!shared) {
            store.commit();
            return;
        }
        committing.lock();
        try {
            Set<String> series = new HashSet<>();
            try {
                // Before: the commit carries its series settled as far as this writer can see.
                writes.writeLock().lock();
                try {
                    synchronized (this) {
                        series = touched;
                        touched = new HashSet<>();
                    }
                    if (!series.isEmpty()) reconcile(series);
                    store.commit();
                } finally {
                    writes.writeLock().unlock();
                }
                // After: every writer's commits so far are visible; set right what raced.
                Set<String> changed = series;
                for (int round = 0; round < RECONCILE_ROUNDS && !changed.isEmpty(); round++) {
                    changed = reconcile(changed);
                    if (!changed.isEmpty()) store.commit();
                }
                series = changed;
            } catch (IOException | RuntimeException e) {
                // Not reconciled: the next commit does it (the held writes are sent again then).
                synchronized (this) {
                    touched.addAll(series);
                }
                throw e;
            }
            if (!series.isEmpty()) {
                synchronized (this) {
                    touched.addAll(series);
                }
            }
        } finally {
            committing.unlock();
        }
    }

    /**
     * Marks the newest version of each series current and every other one history, as the store
     * has them now (one read for all of them, under their series locks, so no add of this process
     * comes between); returns the series where that changed something.
     */
    private Set<String> reconcile(Set<String> series) throws IOException {
        Set<String> changed = new HashSet<>();
        java.util.SortedSet<Integer> stripes = new java.util.TreeSet<>();
        for (String s : series) stripes.add(stripe(s));
        List<Lock> held = new ArrayList<>();
        try {
            for (int i : stripes) {
                seriesLocks[i].lock();
                held.add(seriesLocks[i]);
            }
            Map<String, List<SearchStore.Version>> bySeries = new HashMap<>();
            for (SearchStore.Version v : store.versionsOf(series)) {
                bySeries.computeIfAbsent(v.series(), k -> new ArrayList<>()).add(v);
                seen(v.indexedAt());
            }
            for (Map.Entry<String, List<SearchStore.Version>> e : bySeries.entrySet()) {
                List<SearchStore.Version> stored = e.getValue();
                stored.sort(NEWEST_FIRST);
                for (int i = 0; i < stored.size(); i++) {
                    SearchStore.Version v = stored.get(i);
                    boolean current = i == 0;
                    if (v.current() != current) {
                        store.mark(v.sha256(), current);
                        changed.add(e.getKey());
                    }
                }
            }
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) held.get(i).unlock();
        }
        return changed;
    }

    /**
     * Removes every report (a rebuild in place, {@code reindex} over a cluster); like every write,
     * visible at the next commit.
     */
    public void clear() throws IOException {
        store.clear();
        synchronized (this) {
            versions.clear();
            currentBySeries.clear();
            touched.clear();
        }
    }

    /** Commits when {@link #COMMIT_INTERVAL} has passed since the last commit; for batch indexing. */
    public void commitIfDue() throws IOException {
        if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos()) commit();
    }

    /** Commits what was added (reconciling, over a shared store) and closes. */
    @Override
    public void close() throws IOException {
        if (!shared) {
            store.close();
            return;
        }
        try {
            if (!abandoned) commit();
        } finally {
            store.close();
        }
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
        abandoned = true;
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

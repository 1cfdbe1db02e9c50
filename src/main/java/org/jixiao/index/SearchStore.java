package org.jixiao.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.jixiao.model.Report;

/**
 * The port to the search engine: where checked reports are kept as searchable entries (one per
 * report, per indicator row and per budget item) and how they are searched. The embedded Lucene
 * index is one implementation ({@link org.jixiao.index.lucene.LuceneSearchStore}); a cluster (Solr,
 * OpenSearch) is another, behind the same methods, so nothing here names an engine's types.
 *
 * <p>An implementation stores what it is told and answers queries; it decides nothing about
 * versions. Which report of a series is current, and which are history, is decided above the port by
 * {@link ReportIndex}, which tells the store with {@link Version} and {@link #mark}. The store only
 * has to keep each report's version as given and leave history entries out of a search unless the
 * request asks for them.
 *
 * <p>Writes are invisible, and need not survive a crash, until {@link #commit()}; after it they are
 * durable and the next search sees them. A store opened only for reading sees later commits of a
 * writer after its own {@link #commit()} (a refresh).
 */
public interface SearchStore extends Closeable {

    /**
     * A report's place among the versions of its series, as {@link ReportIndex} decided it.
     *
     * @param sha256    the report's identity (its file's digest)
     * @param series    the series the report is a version of
     * @param indexedAt when the report was indexed, in microseconds since the epoch (kept strictly
     *                  increasing within a process and above every value it read from the store, so newer
     *                  is larger, also across processes writing one shared store); indexes written by
     *                  earlier versions hold small counters here, which every new value exceeds
     * @param current   whether it is the current version of its series (otherwise history)
     */
    record Version(String sha256, String series, long indexedAt, boolean current) {
    }

    /** Stores a report not stored before, with its version. */
    void add(Report report, Version version) throws IOException;

    /** Stores a report again in place of its earlier entries (same sha256), atomically. */
    void replace(Report report, Version version) throws IOException;

    /** Marks every entry of a stored report current or history; a report not stored is ignored. */
    void mark(String sha256, boolean current) throws IOException;

    /** Removes a report and all its entries. */
    void delete(String sha256) throws IOException;

    /**
     * The version of every stored report as of the last commit: what {@link ReportIndex} rebuilds
     * its rules' state from when it opens. Fails with {@link IndexFormatException} on a damaged store.
     */
    List<Version> versions() throws IOException;

    /**
     * Whether other processes may write the same store at the same time (a cluster's collection):
     * then {@link ReportIndex} reads a series' versions from the store before deciding, instead of
     * trusting what it remembers, and reconciles them after each commit. An embedded index has one
     * writer (its lock), so its writer's memory is the truth.
     */
    default boolean shared() {
        return false;
    }

    /**
     * The versions of these series as this writer sees them: what the store holds (every writer's
     * commits) with this writer's own writes since its last commit applied. The default reads every
     * version; a shared store answers from one query for many series.
     */
    default List<Version> versionsOf(java.util.Collection<String> series) throws IOException {
        java.util.Set<String> wanted = java.util.Set.copyOf(series);
        return versions().stream().filter(v -> wanted.contains(v.series())).toList();
    }

    /** The versions of one series, as {@link #versionsOf(java.util.Collection)}. */
    default List<Version> versionsOf(String series) throws IOException {
        return versionsOf(List.of(series));
    }

    /** The version of one report as this writer sees it (as {@link #versionsOf}), or empty when it is not stored. */
    default java.util.Optional<Version> version(String sha256) throws IOException {
        return versions().stream().filter(v -> v.sha256().equals(sha256)).findFirst();
    }

    /** Removes every entry (a rebuild in place starts from nothing); like every write, effective at the commit. */
    void clear() throws IOException;

    /**
     * Searches the last commit seen.
     *
     * @throws InvalidQueryException with a Chinese message when the request cannot be understood
     */
    SearchResult search(SearchRequest request);

    /** The facet counts of everything a request matches (its limit and sort do not matter). */
    default List<SearchResult.Facet> facets(SearchRequest request) {
        return search(request.withLimit(1).withSort(null).withFacets(true)).facets();
    }

    /**
     * The report entries (type {@code report}) of these reports, in the given order, with their
     * current flag; a report not stored is left out. {@link ReportIndex#history} uses it to show a
     * series' versions.
     */
    List<SearchResult.Hit> reports(List<String> sha256s);

    /** Makes every write so far durable and visible to searches, atomically; on a reader, sees the writer's last commit. */
    void commit() throws IOException;

    /**
     * Whether the store can no longer write until it is opened again (the embedded index's writer
     * is closed for good when a flush fails half-way, e.g. on a full disk).
     */
    boolean broken();

    /** What made the store {@link #broken()}, or null. */
    Throwable failure();

    /** Closes without committing: everything since the last commit is dropped. */
    void abandon() throws IOException;

    /** Commits what was written and closes. */
    @Override
    void close() throws IOException;

    /** Opens a store: the service reopens its store through it after a failed write. */
    @FunctionalInterface
    interface Opener {
        SearchStore open() throws IOException;
    }
}

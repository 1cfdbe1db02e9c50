package org.jixiao.index;

import static org.jixiao.index.IndexSchema.*;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;

/**
 * Writes reports into the index on disk. Nothing is visible to readers, and nothing survives a
 * crash, until {@link #commit()}: Lucene's commit point only ever moves from one complete state to
 * the next, so a process killed mid-batch leaves the index as of the last commit.
 *
 * <p>Identity is the file's sha256: indexing the same bytes again replaces their documents. A new
 * file of the same series (kind, year, region, project) becomes current and the previous current
 * one is kept as history, its documents untouched but for the updatable current flag. One writer per index directory (Lucene's write lock enforces it).
 */
public final class ReportIndex implements Closeable {

    /** What {@link #add} did. */
    public enum Outcome {
        /** A report not seen before. */
        ADDED,
        /** The same file again: its documents were replaced. */
        REPLACED,
        /** A new version of a series: it is current, the previous version became history. */
        SUPERSEDED
    }

    /** Indexing buffer: large enough that a batch of reports flushes rarely, well inside a 1 GB heap. */
    static final double RAM_BUFFER_MB = 128;

    /**
     * Longest time between commits while a batch is indexed ({@link #commitIfDue()}): a crash loses
     * at most this much work, which running the command again redoes (identity is the file's hash),
     * and commits stay rare enough that segments are flushed large.
     */
    public static final java.time.Duration COMMIT_INTERVAL = java.time.Duration.ofSeconds(10);

    /** The {@link IndexSchema#SUPERSEDED} value of history entries. */
    static final Long HISTORY = 1L;

    /** Lock stripes: many more than indexing threads, so unrelated series rarely share one. */
    static final int SERIES_LOCK_STRIPES = 64;

    private record Entry(String series, long indexedAt, boolean current) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final ReportDocuments documents;
    /** Every report in the index by sha256; kept in memory so adding needs no reader. */
    private final Map<String, Entry> entries = new HashMap<>();
    /** The current version's sha256 of each series. */
    private final Map<String, String> currentBySeries = new HashMap<>();
    private long clock;
    private volatile long lastCommit = System.nanoTime();
    /** Serialises the versions of one series; striped so unrelated reports index in parallel. */
    private final Lock[] seriesLocks = new Lock[SERIES_LOCK_STRIPES];

    private ReportIndex(Directory directory, IndexWriter writer, ReportDocuments documents) {
        this.directory = directory;
        this.writer = writer;
        this.documents = documents;
        for (int i = 0; i < seriesLocks.length; i++) seriesLocks[i] = new ReentrantLock();
    }

    /**
     * Opens (creating if needed) the index in {@code dir}.
     *
     * @throws IndexLockedException when another writer has it open
     */
    public static ReportIndex open(Path dir, RegionResolver regions) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        boolean exists;
        try {
            exists = DirectoryReader.indexExists(directory);
            if (exists) IndexSchema.checkFormat(dir, SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException | RuntimeException e) {
            directory.close();
            if (damage(e)) throw IndexFormatException.damaged(dir, e);
            throw e;
        }
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IndexLockedException("索引 " + dir + " 正被另一个进程写入，请等其结束后再试", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            if (damage(e)) throw IndexFormatException.damaged(dir, e);
            throw e;
        }
        // Every commit from now on carries the layout it was written in.
        writer.setLiveCommitData(Map.of(IndexSchema.FORMAT_KEY, IndexSchema.FORMAT).entrySet());
        ReportIndex index = new ReportIndex(directory, writer, new ReportDocuments(regions));
        try {
            index.loadEntries();
        } catch (IOException | RuntimeException e) {
            // Nothing is written into a damaged index: close without committing.
            index.abandon();
            if (damage(e)) throw IndexFormatException.damaged(dir, e);
            throw e;
        }
        return index;
    }

    /**
     * Lucene's ways of saying its files are damaged: a checksum or header that does not match, a
     * file shorter than its footer says, a file the commit names that is gone.
     */
    public static boolean damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.lucene.index.CorruptIndexException
                    || t instanceof org.apache.lucene.index.IndexFormatTooOldException
                    || t instanceof org.apache.lucene.index.IndexFormatTooNewException
                    || t instanceof java.io.EOFException
                    || t instanceof java.nio.file.NoSuchFileException
                    || t instanceof java.io.FileNotFoundException) return true;
        }
        return false;
    }

    private void loadEntries() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            // Every file's checksum, before anything is written into the index: a garbled segment
            // otherwise opens fine and fails (or answers wrongly) only when a search reads it.
            for (LeafReaderContext leaf : reader.leaves()) leaf.reader().checkIntegrity();
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = reader.storedFields();
            TopDocs all = searcher.search(new TermQuery(new Term(TYPE, TYPE_REPORT)), Math.max(1, reader.maxDoc()));
            for (ScoreDoc sd : all.scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(SHA256, SERIES, INDEXED_AT));
                long at = d.getField(INDEXED_AT).numericValue().longValue();
                boolean current = ReportDocuments.isCurrent(reader, sd.doc);
                entries.put(d.get(SHA256), new Entry(d.get(SERIES), at, current));
                if (current) currentBySeries.put(d.get(SERIES), d.get(SHA256));
                clock = Math.max(clock, at);
            }
        }
    }

    /**
     * Adds or replaces a report; visible after {@link #commit()}. Safe to call from several threads:
     * reports of different series are analysed and written in parallel, reports of one series one
     * after the other (so versions never race).
     */
    public Outcome add(Report report) throws IOException {
        String sha = report.source() == null ? null : report.source().sha256();
        if (sha == null) throw new IllegalArgumentException("报告缺少来源文件的 sha256，无法建立索引");
        String series = ReportDocuments.series(report);
        Lock lock = seriesLock(series);
        lock.lock();
        try {
            Entry existing;
            String previous;
            synchronized (this) {
                existing = entries.get(sha);
                previous = currentBySeries.get(series);
            }
            if (existing != null) {
                // The same bytes again: same series, same place in its history. One block under one
                // term: the report and its rows replace the old ones all together.
                writer.updateDocuments(shaTerm(sha), documents.build(report, existing.indexedAt()));
                if (!existing.current()) setCurrent(sha, false);
                return Outcome.REPLACED;
            }
            if (previous != null) setCurrent(previous, false);
            long indexedAt = tick();
            // A file not seen before has nothing to replace: adding skips resolving a delete term
            // against every segment at the next flush.
            writer.addDocuments(documents.build(report, indexedAt));
            synchronized (this) {
                entries.put(sha, new Entry(series, indexedAt, true));
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

    /** Removes a report and its rows; the newest remaining version of its series becomes current. */
    public boolean delete(String sha256) throws IOException {
        Entry entry;
        synchronized (this) {
            entry = entries.get(sha256);
        }
        if (entry == null) return false;
        Lock lock = seriesLock(entry.series());
        lock.lock();
        try {
            Entry removed;
            String newest = null;
            synchronized (this) {
                removed = entries.remove(sha256);
                if (removed == null) return false;
                if (removed.current()) {
                    currentBySeries.remove(removed.series());
                    long newestAt = Long.MIN_VALUE;
                    for (Map.Entry<String, Entry> e : entries.entrySet()) {
                        if (e.getValue().series().equals(removed.series()) && e.getValue().indexedAt() > newestAt) {
                            newest = e.getKey();
                            newestAt = e.getValue().indexedAt();
                        }
                    }
                }
            }
            writer.deleteDocuments(shaTerm(sha256));
            if (newest != null) setCurrent(newest, true);
            return true;
        } finally {
            lock.unlock();
        }
    }

    public synchronized boolean contains(String sha256) {
        return entries.containsKey(sha256);
    }

    /** Makes everything added so far durable and visible, atomically. */
    public void commit() throws IOException {
        lastCommit = System.nanoTime();
        writer.commit();
    }

    /** Commits when {@link #COMMIT_INTERVAL} has passed since the last commit; for batch indexing. */
    public void commitIfDue() throws IOException {
        if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos()) commit();
    }

    /** Commits what was added and closes. */
    @Override
    public synchronized void close() throws IOException {
        if (!writer.isOpen()) return;
        try {
            writer.commit();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /**
     * Whether the writer is gone: Lucene closes it for good when a write fails half-way (a full disk
     * during a flush). Only a new {@link #open} on the last commit can write again.
     */
    public boolean broken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    /** What closed the writer for good (a write that ran out of space …), or null. */
    public Throwable tragedy() {
        return writer.getTragicException();
    }

    /** Closes without committing, dropping everything since the last commit. */
    public synchronized void abandon() throws IOException {
        if (!writer.isOpen()) {
            directory.close(); // a writer Lucene closed itself leaves its directory open
            return;
        }
        try {
            writer.rollback();
        } finally {
            directory.close();
        }
    }

    /**
     * Marks every entry of a report current or history in place, by an updatable doc value that
     * history entries hold and current ones lack: a superseded report keeps its documents as they
     * are, and the few history entries are all a search has to step over to leave them out. The
     * caller holds the series lock.
     */
    private void setCurrent(String sha256, boolean current) throws IOException {
        writer.updateDocValues(shaTerm(sha256), new NumericDocValuesField(SUPERSEDED, current ? null : HISTORY));
        synchronized (this) {
            Entry entry = entries.get(sha256);
            if (entry == null) return;
            entries.put(sha256, new Entry(entry.series(), entry.indexedAt(), current));
            if (current) currentBySeries.put(entry.series(), sha256);
            else currentBySeries.remove(entry.series(), sha256);
        }
    }

    private static Term shaTerm(String sha256) {
        return new Term(SHA256, sha256);
    }
}

package org.jixiao.index;

import static org.jixiao.index.IndexSchema.*;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
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
 * one is kept as history. One writer per index directory (Lucene's write lock enforces it).
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
            throw e;
        }
        ReportIndex index = new ReportIndex(directory, writer, new ReportDocuments(regions));
        index.loadEntries();
        return index;
    }

    private void loadEntries() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = reader.storedFields();
            TopDocs all = searcher.search(new TermQuery(new Term(TYPE, TYPE_REPORT)), Math.max(1, reader.maxDoc()));
            for (ScoreDoc sd : all.scoreDocs) {
                Document d = stored.document(sd.doc, java.util.Set.of(SHA256, SERIES, INDEXED_AT, CURRENT));
                long at = d.getField(INDEXED_AT).numericValue().longValue();
                boolean current = Boolean.parseBoolean(d.get(CURRENT));
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
                // The same bytes again: same series, same place in its history.
                write(report, existing.current(), existing.indexedAt());
                return Outcome.REPLACED;
            }
            if (previous != null) rewrite(previous, false);
            write(report, true, tick());
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
            writer.deleteDocuments(new Term(SHA256, sha256));
            if (newest != null) rewrite(newest, true);
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
        writer.commit();
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

    /** Closes without committing, dropping everything since the last commit. */
    public synchronized void abandon() throws IOException {
        if (!writer.isOpen()) return;
        try {
            writer.rollback();
        } finally {
            directory.close();
        }
    }

    /** Writes a report's documents; the caller holds its series lock. */
    private void write(Report report, boolean current, long indexedAt) throws IOException {
        String sha = report.source().sha256();
        List<Document> docs = documents.build(report, current, indexedAt);
        // One block under one term: the report and its rows replace the old ones all together.
        writer.updateDocuments(new Term(SHA256, sha), docs);
        String series = ReportDocuments.series(report);
        synchronized (this) {
            entries.put(sha, new Entry(series, indexedAt, current));
            if (current) currentBySeries.put(series, sha);
            else currentBySeries.remove(series, sha);
        }
    }

    /** Writes a report again from its stored canonical JSON, with another current flag. */
    private void rewrite(String sha256, boolean current) throws IOException {
        Entry entry;
        synchronized (this) {
            entry = entries.get(sha256);
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(SHA256, sha256)), Occur.FILTER)
                    .add(new TermQuery(new Term(TYPE, TYPE_REPORT)), Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(q, 1);
            if (top.scoreDocs.length == 0) return;
            int doc = top.scoreDocs[0].doc;
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            BinaryDocValues json = leaf.reader().getBinaryDocValues(REPORT_JSON);
            if (json == null || !json.advanceExact(doc - leaf.docBase)) return;
            BytesRef bytes = json.binaryValue();
            write(ReportCodec.decompress(bytes.bytes, bytes.offset, bytes.length), current, entry.indexedAt());
        }
    }
}

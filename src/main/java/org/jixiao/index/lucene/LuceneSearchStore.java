package org.jixiao.index.lucene;

import static org.jixiao.index.lucene.IndexSchema.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
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
import org.jixiao.index.IndexFormatException;
import org.jixiao.index.IndexLockedException;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.SearchStore;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search store as an embedded Lucene index in one directory (see the package documentation
 * for its documents). Opened for writing it holds Lucene's write lock (one writer per directory,
 * any number of readers); opened for reading it only searches, and sees a writer's later commits
 * after {@link #commit()}.
 *
 * <p>Searches run on a point-in-time searcher of the last commit. A commit only marks it stale;
 * the next search opens a new one, so a batch that commits every few seconds and never searches
 * (the {@code index} command, the benchmark) never pays for opening searchers. A replaced searcher
 * is closed when the last search running on it ends.
 */
public final class LuceneSearchStore implements SearchStore {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchStore.class);

    /** Indexing buffer: large enough that a batch of reports flushes rarely, well inside a 1 GB heap. */
    static final double RAM_BUFFER_MB = 128;

    /** The {@link IndexSchema#SUPERSEDED} value of history entries. */
    static final Long HISTORY = 1L;

    private final Path path;
    private final Directory directory;
    /** Null when opened for reading only. */
    private final IndexWriter writer;
    private final ReportDocuments documents;
    /** The searcher of the last commit seen; null until the first search after a commit. */
    private Held current;
    /** Whether a commit happened since {@link #current} was opened. */
    private boolean stale = true;
    private boolean closed;
    /**
     * Whether the index has a commit point a searcher can open. A fresh index gets one at its first
     * search, not at open: a batch on a full disk then fails at its first write, after reading its
     * first reports, as it did before the index existed.
     */
    private volatile boolean committed = true;

    private LuceneSearchStore(Path path, Directory directory, IndexWriter writer, ReportDocuments documents) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.documents = documents;
    }

    /**
     * Opens (creating if needed) the index in {@code dir} for writing.
     *
     * @throws IndexLockedException when another writer has it open
     * @throws IndexFormatException when it is of another layout or damaged
     */
    public static LuceneSearchStore open(Path dir, RegionResolver regions) throws IOException {
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
        LuceneSearchStore store = new LuceneSearchStore(dir, directory, writer, new ReportDocuments(regions));
        store.committed = exists;
        return store;
    }

    /**
     * Opens the last commit in {@code dir} for searching only (no lock: a writer may be running);
     * fails with a Chinese message when there is no index there.
     */
    public static LuceneSearchStore openReader(Path dir) throws IOException {
        LuceneSearchStore store = new LuceneSearchStore(dir, null, null, null);
        store.current = new Held(ReportSearcher.open(dir));
        store.stale = false;
        return store;
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

    /** The directory of the index. */
    public Path path() {
        return path;
    }

    @Override
    public List<Version> versions() throws IOException {
        if (writer == null) throw new IllegalStateException("只读打开的索引");
        List<Version> out = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            // Every file's checksum, before anything is written into the index: a garbled segment
            // otherwise opens fine and fails (or answers wrongly) only when a search reads it.
            for (LeafReaderContext leaf : reader.leaves()) leaf.reader().checkIntegrity();
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = reader.storedFields();
            TopDocs all = searcher.search(new TermQuery(new Term(TYPE, TYPE_REPORT)), Math.max(1, reader.maxDoc()));
            for (ScoreDoc sd : all.scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(SHA256, SERIES, INDEXED_AT));
                out.add(new Version(d.get(SHA256), d.get(SERIES), d.getField(INDEXED_AT).numericValue().longValue(),
                        ReportDocuments.isCurrent(reader, sd.doc)));
            }
        } catch (IOException | RuntimeException e) {
            if (damage(e)) throw IndexFormatException.damaged(path, e);
            throw e;
        }
        return out;
    }

    @Override
    public void add(Report report, Version version) throws IOException {
        // A file not seen before has nothing to replace: adding skips resolving a delete term
        // against every segment at the next flush.
        writable().addDocuments(documents.build(report, version.series(), version.indexedAt()));
        if (!version.current()) mark(version.sha256(), false);
    }

    @Override
    public void replace(Report report, Version version) throws IOException {
        // One block under one term: the report and its rows replace the old ones all together.
        writable().updateDocuments(shaTerm(version.sha256()), documents.build(report, version.series(), version.indexedAt()));
        if (!version.current()) mark(version.sha256(), false);
    }

    /**
     * Marks every entry of a report current or history in place, by an updatable doc value that
     * history entries hold and current ones lack: a superseded report keeps its documents as they
     * are, and the few history entries are all a search has to step over to leave them out.
     */
    @Override
    public void mark(String sha256, boolean current) throws IOException {
        writable().updateDocValues(shaTerm(sha256), new NumericDocValuesField(SUPERSEDED, current ? null : HISTORY));
    }

    @Override
    public void delete(String sha256) throws IOException {
        writable().deleteDocuments(shaTerm(sha256));
    }

    @Override
    public void clear() throws IOException {
        writable().deleteAll();
    }

    private IndexWriter writable() {
        if (writer == null) throw new IllegalStateException("只读打开的索引不能写入：" + path);
        return writer;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        Held held = acquire();
        try {
            return held.searcher.search(request);
        } finally {
            release(held);
        }
    }

    @Override
    public List<SearchResult.Hit> reports(List<String> sha256s) {
        Held held = acquire();
        try {
            return held.searcher.reports(sha256s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(held);
        }
    }

    /** The searcher of the last commit, opened now if a commit made the one held stale; one more user. */
    private synchronized Held acquire() {
        if (closed) throw new IllegalStateException("索引已关闭：" + path);
        if (stale || current == null) {
            try {
                if (!committed) commit();
                Held fresh = new Held(ReportSearcher.open(path));
                Held replaced = current;
                current = fresh;
                stale = false;
                if (replaced != null) release(replaced);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        current.references++;
        return current;
    }

    @Override
    public void commit() throws IOException {
        if (writer != null) writer.commit();
        committed = true;
        synchronized (this) {
            stale = true;
        }
    }

    @Override
    public boolean broken() {
        return writer != null && (!writer.isOpen() || writer.getTragicException() != null);
    }

    @Override
    public Throwable failure() {
        return writer == null ? null : writer.getTragicException();
    }

    @Override
    public synchronized void abandon() throws IOException {
        if (closed) return;
        closed = true;
        try {
            if (writer == null) return;
            if (!writer.isOpen()) {
                directory.close(); // a writer Lucene closed itself leaves its directory open
                return;
            }
            try {
                writer.rollback();
            } finally {
                directory.close();
            }
        } finally {
            releaseCurrent();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            if (writer == null || !writer.isOpen()) {
                if (directory != null) directory.close();
                return;
            }
            try {
                writer.commit();
                writer.close();
            } finally {
                directory.close();
            }
        } finally {
            releaseCurrent();
        }
    }

    private void releaseCurrent() {
        if (current != null) release(current);
        current = null;
    }

    /** A searcher and the number of users: the store's own reference while current, plus one per running search. */
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

    private static Term shaTerm(String sha256) {
        return new Term(SHA256, sha256);
    }
}

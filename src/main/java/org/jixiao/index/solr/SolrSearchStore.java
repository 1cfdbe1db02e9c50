package org.jixiao.index.solr;

import static org.jixiao.index.solr.SolrFields.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.SearchStore;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search store as a SolrCloud collection (see the package documentation): writes are held here
 * until {@link #commit()}, then sent in order and committed; searches go to any live replica.
 */
public final class SolrSearchStore implements SearchStore {

    private static final Logger LOG = LoggerFactory.getLogger(SolrSearchStore.class);

    /**
     * The configset's name in ZooKeeper, with the layout version: a collection is only ever created
     * from the layout this version writes, and a changed layout is uploaded beside the old one.
     */
    static final String CONFIGSET = "jixiao-2";
    /** Versions read per page when the versions of some series are read. */
    static final int SERIES_PAGE = 2_000;
    /** Series asked for in one query: a commit's worth of reports is a few queries, each a modest POST. */
    static final int SERIES_PER_QUERY = 500;
    /** Splits the series names of one query: the ASCII record separator, which no report text holds. */
    static final String SERIES_SEPARATOR = "\u001e";
    /** Where the configset is on the classpath, and its files. */
    static final String CONFIGSET_RESOURCE = "/solr/configsets/jixiao/conf/";
    static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml");

    /**
     * How long a write or commit is retried: long enough for a shard to elect a new leader after its
     * leader's node is lost (seconds, ZooKeeper's session timeout at most), short enough that a
     * cluster that is down is reported rather than waited for.
     */
    static final Duration RETRY = Duration.ofSeconds(60);
    static final long RETRY_PAUSE_MILLIS = 500;
    /** Entries per update request: large enough to amortise a round trip, small enough to stay well under request limits. */
    static final int BATCH_ENTRIES = 2_000;
    /** Reports read per page when {@link #versions()} walks every report entry. */
    static final int VERSIONS_PAGE = 5_000;
    /** How long creating the collection may take before it is reported as failed. */
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(120);

    private final SolrClient client;
    private final String collection;
    /** Null when opened for reading only. */
    private final SolrDocuments documents;
    private final SolrSearcher searcher;
    /** Writes since the last commit, in order: nothing reaches the cluster before {@link #commit()}. */
    private final List<Write> pending = new ArrayList<>();
    /** Whether something was sent since the last commit: a batch's periodic commits cost the cluster nothing when idle. */
    private boolean sent;
    private boolean closed;

    /** A write held until the commit. */
    private sealed interface Write permits Put, Mark, Delete, Clear {
        String sha256();
    }

    /** A report's entries; {@code replace} when earlier entries of it may be stored. */
    private record Put(String sha256, List<SolrInputDocument> entries, boolean replace) implements Write {
    }

    private record Mark(String sha256, boolean current) implements Write {
    }

    private record Delete(String sha256) implements Write {
    }

    /** Every entry removed (a rebuild in place). */
    private record Clear() implements Write {
        @Override
        public String sha256() {
            return "";
        }
    }

    private SolrSearchStore(SolrClient client, String collection, SolrDocuments documents) {
        this.client = client;
        this.collection = collection;
        this.documents = documents;
        this.searcher = new SolrSearcher(client, collection);
    }

    /**
     * Opens the collection for writing, creating it (and uploading the configset) when the cluster
     * does not have it.
     */
    public static SolrSearchStore open(SolrAddress address, RegionResolver regions) throws IOException {
        SolrClient client = connect(address);
        try {
            ensureCollection(client, address);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new SolrSearchStore(client, address.collection(), new SolrDocuments(regions));
    }

    /** Opens the collection for searching only; fails with a Chinese message when the cluster does not have it. */
    public static SolrSearchStore openReader(SolrAddress address) throws IOException {
        SolrClient client = connect(address);
        try {
            if (!collections(client).contains(address.collection())) {
                throw new InvalidQueryException("SolrCloud 中没有集合 " + address.collection() + "（请先用 index --search " + address + " 建立索引）");
            }
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new SolrSearchStore(client, address.collection(), null);
    }

    private static SolrClient connect(SolrAddress address) {
        return new CloudHttp2SolrClient.Builder(address.zkHosts(), address.chroot())
                .withZkConnectTimeout(15, TimeUnit.SECONDS)
                .build();
    }

    private static List<String> collections(SolrClient client) throws IOException {
        try {
            return CollectionAdminRequest.listCollections(client);
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("无法连接 SolrCloud：" + e.getMessage(), e);
        }
    }

    /** Creates the collection from the shipped configset unless it exists. */
    static void ensureCollection(SolrClient client, SolrAddress address) throws IOException {
        if (collections(client).contains(address.collection())) {
            checkLayout(client, address);
            return;
        }
        try {
            List<String> configSets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
            if (configSets == null || !configSets.contains(CONFIGSET)) {
                new ConfigSetAdminRequest.Upload().setConfigSetName(CONFIGSET)
                        .setUploadStream(new ContentStreamBase.ByteArrayStream(configSetZip(), CONFIGSET + ".zip", "application/zip"))
                        .process(client);
            }
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(address.collection(), CONFIGSET,
                    address.shards(), address.replicas());
            create.setWaitForFinalState(true);
            create.process(client);
            LOG.info("已在 SolrCloud 中建立集合 {}（{} 个分片 × {} 个副本）", address.collection(), address.shards(), address.replicas());
        } catch (SolrServerException | SolrException e) {
            // Another writer may have created it at the same moment.
            if (collections(client).contains(address.collection())) return;
            throw new IOException("无法在 SolrCloud 中建立集合 " + address.collection() + "：" + e.getMessage(), e);
        }
    }

    /**
     * Refuses to write a collection whose schema does not index the series (one created from the
     * configset {@code jixiao-1}): writers sharing it could not read a series' versions. Asked of the
     * schema, not the configset's name, so a collection created by hand from the shipped configset
     * (docs/deploy/init.sh) is taken.
     */
    private static void checkLayout(SolrClient client, SolrAddress address) throws IOException {
        Map<String, Object> field;
        try {
            ModifiableSolrParams defaults = new ModifiableSolrParams();
            defaults.set("showDefaults", true);
            field = new org.apache.solr.client.solrj.request.schema.SchemaRequest.Field(SERIES, defaults)
                    .process(client, address.collection()).getField();
        } catch (SolrServerException | SolrException e) {
            throw new IOException("无法读取 SolrCloud 集合 " + address.collection() + " 的 schema：" + e.getMessage(), e);
        }
        if (field != null && Boolean.TRUE.equals(field.get("indexed"))) return;
        throw new org.jixiao.index.IndexFormatException("SolrCloud 集合 " + address.collection() + " 由旧版布局建立（系列字段 "
                + SERIES + " 未建索引），多个进程无法共同维护版本：请在 Solr 中删除该集合（或换一个集合名），"
                + "再用 jixiao reindex --search " + address + " 从数据库重建");
    }

    /** The shipped configset as the zip the configset API takes. */
    static byte[] configSetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : CONFIGSET_FILES) {
                try (InputStream in = SolrSearchStore.class.getResourceAsStream(CONFIGSET_RESOURCE + name)) {
                    if (in == null) throw new IOException("jar 中缺少 Solr 配置 " + CONFIGSET_RESOURCE + name);
                    zip.putNextEntry(new ZipEntry(name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The collection's name. */
    public String collection() {
        return collection;
    }

    @Override
    public synchronized void add(Report report, Version version) {
        put(report, version, false);
    }

    @Override
    public synchronized void replace(Report report, Version version) {
        put(report, version, true);
    }

    private void put(Report report, Version version, boolean replace) {
        writable();
        pending.add(new Put(version.sha256(), documents.build(report, version.series(), version.indexedAt(), version.current()), replace));
    }

    /**
     * Marks a report current or history. A report written since the last commit is marked in the
     * entries held here; one already stored gets an in-place update of its entries at the commit.
     */
    @Override
    public synchronized void mark(String sha256, boolean current) {
        writable();
        for (int i = pending.size() - 1; i >= 0; i--) {
            Write w = pending.get(i);
            if (!w.sha256().equals(sha256)) continue;
            if (w instanceof Put put) {
                for (SolrInputDocument d : put.entries()) d.setField(SUPERSEDED, current ? CURRENT : HISTORY);
                return;
            }
            break;
        }
        pending.add(new Mark(sha256, current));
    }

    @Override
    public synchronized void delete(String sha256) {
        writable();
        pending.add(new Delete(sha256));
    }

    @Override
    public synchronized void clear() {
        writable();
        pending.add(new Clear());
    }

    /** Several processes may write one collection: {@link org.jixiao.index.ReportIndex} reads versions from it. */
    @Override
    public boolean shared() {
        return true;
    }

    /**
     * The series' report entries as of the collection's last commit (every writer's), found on the
     * indexed series field, {@link #SERIES_PER_QUERY} series a query, with this store's held writes
     * applied in order.
     */
    @Override
    public synchronized List<Version> versionsOf(java.util.Collection<String> series) throws IOException {
        if (documents == null) throw new IllegalStateException("只读打开的检索库");
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(series);
        Map<String, Version> out = new java.util.LinkedHashMap<>();
        List<List<String>> chunks = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String name : wanted) {
            if (name.contains(SERIES_SEPARATOR)) chunks.add(List.of(name)); // asked alone, as one term
            else plain.add(name);
        }
        for (int from = 0; from < plain.size(); from += SERIES_PER_QUERY) {
            chunks.add(plain.subList(from, Math.min(plain.size(), from + SERIES_PER_QUERY)));
        }
        for (List<String> chunk : chunks) {
            SolrQuery q = new SolrQuery("*:*");
            q.addFilterQuery("{!term f=" + TYPE + "}" + TYPE_REPORT);
            // The names go in a parameter of their own, split on a character no name contains.
            q.addFilterQuery(chunk.size() == 1 ? "{!term f=" + SERIES + " v=$seriesNames}"
                    : "{!terms f=" + SERIES + " separator=$seriesSeparator v=$seriesNames}");
            q.set("seriesSeparator", SERIES_SEPARATOR);
            q.set("seriesNames", String.join(SERIES_SEPARATOR, chunk));
            reportVersions(q, SERIES_PAGE, v -> out.put(v.sha256(), v));
        }
        held(out, v -> wanted.contains(v.series()));
        return List.copyOf(out.values());
    }

    /** The report entry by real-time get (it sees every writer's writes sent so far), with this store's held writes applied. */
    @Override
    public synchronized java.util.Optional<Version> version(String sha256) throws IOException {
        if (documents == null) throw new IllegalStateException("只读打开的检索库");
        ModifiableSolrParams fl = new ModifiableSolrParams();
        fl.set("fl", SHA256 + "," + SERIES + "," + INDEXED_AT + "," + SUPERSEDED);
        SolrDocument d = retrying("读取", () -> client.getById(collection, SolrDocuments.id(sha256, 0), fl));
        Map<String, Version> out = new java.util.HashMap<>();
        if (d != null) out.put(sha256, version(d));
        held(out, v -> v.sha256().equals(sha256));
        return java.util.Optional.ofNullable(out.get(sha256));
    }

    /**
     * Every report entry {@code q} matches, as versions, {@code rows} a page (a cursor on the unique
     * id, so that a long read is neither deep paging nor upset by writes in between).
     */
    private void reportVersions(SolrQuery q, int rows, java.util.function.Consumer<Version> each) throws IOException {
        q.setFields(SHA256, SERIES, INDEXED_AT, SUPERSEDED);
        q.setRows(rows);
        q.setSort(ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = retrying("读取", () -> {
                try {
                    return searcher.query(q);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            });
            for (SolrDocument d : r.getResults()) each.accept(version(d));
            if (cursor.equals(r.getNextCursorMark())) return;
            cursor = r.getNextCursorMark();
        }
    }

    private static Version version(SolrDocument d) {
        return version((String) d.getFirstValue(SHA256), (String) d.getFirstValue(SERIES),
                d.getFirstValue(INDEXED_AT), d.getFirstValue(SUPERSEDED));
    }

    /** A version from a report entry's fields, read back or held for the next commit (no flag: current). */
    private static Version version(String sha256, String series, Object indexedAt, Object superseded) {
        return new Version(sha256, series, ((Number) indexedAt).longValue(),
                superseded == null || ((Number) superseded).intValue() != HISTORY);
    }

    /** Applies the writes held for the next commit to versions read from the collection; {@code wanted} picks the new ones to add. */
    private void held(Map<String, Version> versions, java.util.function.Predicate<Version> wanted) {
        for (Write w : pending) {
            if (w instanceof Put put) {
                SolrInputDocument report = put.entries().get(0);
                Version v = version(put.sha256(), (String) report.getFieldValue(SERIES),
                        report.getFieldValue(INDEXED_AT), report.getFieldValue(SUPERSEDED));
                if (wanted.test(v)) versions.put(v.sha256(), v);
            } else if (w instanceof Mark mark) {
                versions.computeIfPresent(mark.sha256(), (sha, v) -> new Version(sha, v.series(), v.indexedAt(), mark.current()));
            } else if (w instanceof Delete) {
                versions.remove(w.sha256());
            } else {
                versions.clear();
            }
        }
    }

    private void writable() {
        if (closed) throw new IllegalStateException("检索库已关闭：" + collection);
        if (documents == null) throw new IllegalStateException("只读打开的检索库不能写入：" + collection);
    }

    @Override
    public List<Version> versions() throws IOException {
        if (documents == null) throw new IllegalStateException("只读打开的检索库");
        List<Version> out = new ArrayList<>();
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery("{!term f=" + TYPE + "}" + TYPE_REPORT);
        reportVersions(q, VERSIONS_PAGE, out::add);
        return out;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (closed) throw new IllegalStateException("检索库已关闭：" + collection);
        return searcher.search(request);
    }

    @Override
    public List<SearchResult.Hit> reports(List<String> sha256s) {
        return searcher.reports(sha256s);
    }

    /**
     * Sends the held writes in order and commits (a hard commit that opens a new searcher on every
     * replica and waits for it): afterwards they are durable and every search sees them. A write the
     * cluster cannot take (no leader for a while after a node is lost) is retried for {@link #RETRY};
     * what could not be sent stays held for the next commit. A store opened for reading always
     * searches the collection's last commit, so its commit does nothing.
     */
    @Override
    public synchronized void commit() throws IOException {
        if (documents == null || closed) return;
        flush();
        if (!sent) return;
        retrying("提交", () -> client.commit(collection, true, true));
        sent = false;
    }

    private void flush() throws IOException {
        while (!pending.isEmpty()) {
            Write first = pending.get(0);
            if (first instanceof Put put && !put.replace()) {
                // Consecutive new reports go together.
                UpdateRequest batch = new UpdateRequest();
                int reports = 0;
                int entries = 0;
                while (reports < pending.size() && pending.get(reports) instanceof Put p && !p.replace()
                        && (entries == 0 || entries + p.entries().size() <= BATCH_ENTRIES)) {
                    batch.add(p.entries());
                    entries += p.entries().size();
                    reports++;
                }
                sent = true;
                retrying("写入", () -> batch.process(client, collection));
                pending.subList(0, reports).clear();
                continue;
            }
            if (first instanceof Clear) {
                sent = true;
                retrying("清空", () -> new UpdateRequest().deleteByQuery("*:*").process(client, collection));
                pending.remove(0);
                continue;
            }
            UpdateRequest request = new UpdateRequest();
            int stored = retrying("读取", () -> entries(first.sha256()));
            if (first instanceof Put put) {
                request.add(put.entries());
                for (int n = put.entries().size(); n < stored; n++) request.deleteById(SolrDocuments.id(put.sha256(), n));
            } else if (first instanceof Mark mark) {
                // In place: only the doc-values flag of each entry changes.
                for (int n = 0; n < stored; n++) {
                    SolrInputDocument d = new SolrInputDocument();
                    d.setField(ID, SolrDocuments.id(mark.sha256(), n));
                    d.setField(SUPERSEDED, Map.of("set", mark.current() ? CURRENT : HISTORY));
                    request.add(d);
                }
            } else {
                for (int n = 0; n < stored; n++) request.deleteById(SolrDocuments.id(first.sha256(), n));
            }
            if ((request.getDocuments() != null && !request.getDocuments().isEmpty())
                    || (request.getDeleteById() != null && !request.getDeleteById().isEmpty())) {
                sent = true;
                retrying("写入", () -> request.process(client, collection));
            }
            pending.remove(0);
        }
    }

    /**
     * How many entries a stored report has (0 when it is not stored), from its report entry by
     * real-time get: it sees writes sent earlier in this commit too.
     */
    private int entries(String sha256) throws SolrServerException, IOException {
        ModifiableSolrParams fl = new ModifiableSolrParams();
        fl.set("fl", INDICATOR_COUNT + "," + BUDGET_COUNT);
        SolrDocument report = client.getById(collection, SolrDocuments.id(sha256, 0), fl);
        if (report == null) return 0;
        return 1 + ((Number) report.getFirstValue(INDICATOR_COUNT)).intValue() + ((Number) report.getFirstValue(BUDGET_COUNT)).intValue();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws SolrServerException, IOException;
    }

    /** Runs a request, retrying while the cluster cannot take it (a server error, no leader, no connection). */
    private <T> T retrying(String what, Call<T> call) throws IOException {
        long deadline = System.nanoTime() + RETRY.toNanos();
        while (true) {
            Exception failure;
            try {
                return call.call();
            } catch (SolrException e) {
                if (e.code() >= 400 && e.code() < 500) throw new IOException("SolrCloud 拒绝了" + what + "：" + e.getMessage(), e);
                failure = e;
            } catch (SolrServerException | IOException e) {
                failure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("SolrCloud " + what + "失败（已重试 " + RETRY.toSeconds() + " 秒）：" + failure.getMessage(), failure);
            }
            LOG.warn("SolrCloud {}失败，稍后重试：{}", what, failure.toString());
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("SolrCloud " + what + "被中断", failure);
            }
        }
    }

    /** Never: a write the cluster did not take stays held and is sent again at the next commit. */
    @Override
    public boolean broken() {
        return false;
    }

    @Override
    public Throwable failure() {
        return null;
    }

    @Override
    public synchronized void abandon() throws IOException {
        if (closed) return;
        closed = true;
        pending.clear();
        client.close();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        try {
            commit();
        } finally {
            closed = true;
            client.close();
        }
    }
}

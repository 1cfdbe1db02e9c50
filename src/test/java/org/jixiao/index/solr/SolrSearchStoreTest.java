package org.jixiao.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.ReportFixture;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchLocation;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.SearchStore;
import org.jixiao.index.SearchStoreContract;
import org.jixiao.index.TextMatching;
import org.jixiao.index.TextMatchingRankingTest;
import org.jixiao.model.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud store against the search store's contract, on a real cluster started once for the
 * class: {@link MiniSolrCloudCluster} with 2 Solr nodes (Jetty) and an embedded ZooKeeper, the
 * collection created by the store itself with 2 shards × 2 replicas, so each node holds a replica of
 * every shard. Besides the contract: the collection's layout, losing a node mid-run, and the judged
 * queries ranked as well as by the embedded index.
 */
class SolrSearchStoreTest extends SearchStoreContract {

    private static final String COLLECTION = "reports";
    private static final int NODES = 2;
    private static final int SHARDS = 2;
    private static final int REPLICAS = 2;
    /** Generous for a busy 2-core machine: a node restart and its replicas' recovery. */
    private static final int WAIT_SECONDS = 120;

    private static MiniSolrCloudCluster cluster;
    private static SolrAddress address;

    @BeforeAll
    static void startCluster(@TempDir Path base) throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(NODES, base).build();
        // getZkAddress is host:port/solr: the cluster runs under a chroot, as a shared ZooKeeper would have it.
        address = SolrAddress.parse("solr://" + cluster.getZkServer().getZkAddress() + "/" + COLLECTION
                + "?shards=" + SHARDS + "&replicas=" + REPLICAS);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) cluster.shutdown();
    }

    /** Every test starts from an empty collection (the first one creates it through the store). */
    @BeforeEach
    void emptyCollection() throws Exception {
        CloudSolrClient admin = cluster.getSolrClient();
        if (org.apache.solr.client.solrj.request.CollectionAdminRequest.listCollections(admin).contains(COLLECTION)) {
            admin.deleteByQuery(COLLECTION, "*:*");
            admin.commit(COLLECTION);
        }
    }

    @Override
    protected SearchStore openStore() throws IOException {
        return SearchLocation.parse(address.toString() + "?shards=" + SHARDS + "&replicas=" + REPLICAS, null)
                .openWriter(ReportFixture.REGIONS);
    }

    @Override
    protected SearchStore openReader() throws IOException {
        return SolrSearchStore.openReader(address);
    }

    @Test
    void theStoreCreatesTheCollectionWithTwoShardsOfTwoReplicasOnBothNodes() throws Exception {
        try (SearchStore store = openStore()) {
            store.commit();
        }
        DocCollection c = cluster.getSolrClient().getClusterState().getCollection(COLLECTION);
        assertEquals(SHARDS, c.getSlices().size());
        for (Slice s : c.getSlices()) {
            assertEquals(REPLICAS, s.getReplicas().size(), s.getName());
            Set<String> nodes = new HashSet<>();
            for (Replica r : s.getReplicas()) nodes.add(r.getNodeName());
            assertEquals(NODES, nodes.size(), "each shard has a replica on each node: " + s);
        }
        assertEquals(SolrSearchStore.CONFIGSET, c.getConfigName());
    }

    @Test
    void aReportsEntriesAllLiveOnOneShard() throws Exception {
        List<Report> reports = batch("r", 6);
        try (ReportIndex index = ReportIndex.over(openStore())) {
            for (Report r : reports) index.add(r);
        }
        CloudSolrClient admin = cluster.getSolrClient();
        DocCollection c = admin.getClusterState().getCollection(COLLECTION);
        Set<String> shardsUsed = new HashSet<>();
        for (Report r : reports) {
            String sha = r.source().sha256();
            int entries = 1 + r.indicators().size() + r.budgetItems().size();
            Set<String> shards = new HashSet<>();
            for (int n = 0; n < entries; n++) {
                shards.add(c.getRouter().getTargetSlice(SolrDocuments.id(sha, n), null, null, null, c).getName());
            }
            assertEquals(1, shards.size(), sha);
            shardsUsed.addAll(shards);
        }
        assertEquals(SHARDS, shardsUsed.size(), "six reports spread over both shards");
    }

    /**
     * One node stops while a batch is being indexed: each shard keeps its replica on the other node,
     * which becomes leader; searches still find every report committed before, and writes go on and
     * are committed. After the node is back, its replicas recover and everything is still there.
     */
    @Test
    void losingANodeStopsNeitherSearchesNorWrites() throws Exception {
        List<Report> before = batch("before", 10);
        List<Report> during = batch("during", 10);
        long perReport = 1 + before.get(0).indicators().size() + before.get(0).budgetItems().size();
        try (ReportIndex index = ReportIndex.over(openStore())) {
            for (Report r : before) index.add(r);
            index.commit();
            for (Report r : during.subList(0, 5)) index.add(r);

            // The node that leads shard1: its loss forces a leader election, not just a lost follower.
            CloudSolrClient admin = cluster.getSolrClient();
            Replica leader = admin.getClusterState().getCollection(COLLECTION).getSlice("shard1").getLeader();
            JettySolrRunner lost = cluster.getReplicaJetty(leader);
            cluster.stopJettySolrRunner(lost);
            cluster.waitForJettyToStop(lost);

            // Searches: every committed report, complete, from the surviving replicas.
            SearchResult r = search(SearchRequest.text("").withLimit(1));
            assertEquals(before.size() * perReport, r.total());
            assertEquals(before.size(), search(SearchRequest.text("维护次数").withLimit(100)).hits().stream()
                    .map(SearchResult.Hit::sha256).distinct().count());
            // Writes: the rest of the batch, and a commit.
            for (Report rep : during.subList(5, 10)) index.add(rep);
            index.commit();
            assertEquals((before.size() + during.size()) * perReport, search(SearchRequest.text("").withLimit(1)).total());
            // Both shards are now led from the surviving node.
            cluster.getZkStateReader().forceUpdateCollection(COLLECTION);
            for (Slice s : cluster.getZkStateReader().getClusterState().getCollection(COLLECTION).getSlices()) {
                assertTrue(!s.getLeader().getNodeName().equals(lost.getNodeName()), s.toString());
            }

            cluster.startJettySolrRunner(lost);
            cluster.waitForNode(lost, WAIT_SECONDS);
            cluster.waitForActiveCollection(COLLECTION, WAIT_SECONDS, TimeUnit.SECONDS, SHARDS, SHARDS * REPLICAS);
            index.delete(before.get(0).source().sha256());
            index.commit();
        }
        // The node that came back has caught up: whichever replica answers, the counts are complete.
        for (int i = 0; i < 4; i++) {
            assertEquals((before.size() + during.size() - 1) * perReport, search(SearchRequest.text("").withLimit(1)).total());
        }
    }

    /**
     * The judged queries of {@link TextMatchingRankingTest}, over the same corpus, find the same
     * entries with the same relevance in the collection as in the embedded index, in every matching
     * mode, so MAP and nDCG@10 hold (up to how ties are ordered): the Solr analysis chain is the project's.
     */
    @Test
    void judgedQueriesRankAsWellAsInTheEmbeddedIndex(@TempDir Path lucene) throws Exception {
        // A collection of its own: the shared one holds the other tests' deleted entries, which
        // still count in BM25's term statistics until merged away, as a fresh embedded index does not.
        SolrAddress judged = SolrAddress.parse("solr://" + cluster.getZkServer().getZkAddress() + "/judged?shards="
                + SHARDS + "&replicas=" + REPLICAS);
        try (ReportIndex solr = ReportIndex.over(SolrSearchStore.open(judged, ReportFixture.REGIONS));
             ReportIndex embedded = ReportIndex.open(lucene, ReportFixture.REGIONS)) {
            for (Report r : TextMatchingRankingTest.corpus()) {
                solr.add(r);
                embedded.add(r);
            }
        }
        // Every entry found with the same relevance as in the embedded index (BM25 over the whole
        // collection's statistics, the same analysis): the rankings are the same up to ties, whose
        // order depends on which shard holds an entry.
        try (SearchStore solr = SolrSearchStore.openReader(judged); SearchStore embedded = SearchLocation.lucene(lucene).openReader()) {
            for (String query : TextMatchingRankingTest.judgedQueries()) {
                for (TextMatching mode : TextMatching.values()) {
                    SearchRequest request = SearchRequest.text(query).withMatching(mode).withLimit(100).withFacets(false);
                    assertEquals(scored(embedded.search(request)), scored(solr.search(request)), query + " " + mode);
                }
            }
        }
        Map<TextMatching, double[]> figures = new EnumMap<>(TextMatching.class);
        try (SearchStore solr = SolrSearchStore.openReader(judged); SearchStore embedded = SearchLocation.lucene(lucene).openReader()) {
            for (TextMatching mode : TextMatching.values()) {
                figures.put(mode, new double[] {TextMatchingRankingTest.meanAveragePrecision(solr, mode),
                        TextMatchingRankingTest.meanAveragePrecision(embedded, mode),
                        TextMatchingRankingTest.meanNdcg(solr, mode), TextMatchingRankingTest.meanNdcg(embedded, mode)});
            }
        }
        StringBuilder report = new StringBuilder();
        figures.forEach((mode, f) -> report.append(String.format("%s: MAP solr %.3f lucene %.3f, nDCG@10 solr %.3f lucene %.3f; ",
                mode, f[0], f[1], f[2], f[3])));
        System.out.println("judged queries " + report);
        for (TextMatching mode : TextMatching.values()) {
            double[] f = figures.get(mode);
            assertTrue(f[0] >= f[1] - RANKING_TOLERANCE, "MAP " + report);
            assertTrue(f[2] >= f[3] - RANKING_TOLERANCE, "nDCG " + report);
        }
    }

    /** Each hit as name and relevance (to 4 digits), sorted: equal lists are the same ranking up to ties. */
    private static List<String> scored(SearchResult r) {
        return r.hits().stream().map(h -> h.type() + " " + h.name() + " " + String.format(java.util.Locale.ROOT, "%.4f", h.relevance()))
                .sorted().toList();
    }

    /**
     * Tied entries come in another order than in the embedded index (they lie on different shards);
     * over 15 queries that moves MAP by up to 0.007 when a tie mixes relevant and irrelevant rows.
     */
    private static final double RANKING_TOLERANCE = 0.01;

    @Test
    void searchingACollectionThatDoesNotExistSaysSo() {
        SolrAddress missing = SolrAddress.parse("solr://" + cluster.getZkServer().getZkAddress() + "/nosuch");
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> SolrSearchStore.openReader(missing));
        assertTrue(e.getMessage().contains("SolrCloud 中没有集合 nosuch"), e.getMessage());
    }

    /**
     * The command line against the cluster: {@code check} and {@code index} with {@code --search
     * solr://…} write into the collection, {@code search} reads it. Here rather than in the CLI's
     * tests so that it runs on this class's cluster instead of starting another.
     */
    @Test
    void theCommandLineChecksIndexesAndSearchesTheCollection(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("jiangyin.txt");
        java.nio.file.Files.writeString(report, String.join("\n",
                "2020 年度江苏省江阴市信息系统运维项目绩效自评表",
                "",
                "项目名称\t\t信息系统运维项目",
                "主管部门\t\t江阴市人力资源和社会保障局\t实施单位\t江阴市社保中心",
                "预算执行情况 (万元) (20分)\t\t预算数(A)\t执行数(B)\t执行率 (B/A)\t得分(20分 *执行率)",
                "\t年度财政资金总额:\t200.00\t170.00\t85.00%\t17.00",
                "一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t分值\t得分",
                "产出指标\t时效指标\t故障处理响应时间\t≤30 分钟\t20 分钟\t40\t40",
                "产出指标\t数量指标\t社保卡制卡人数\t≥5000 人\t5200 人\t40\t40",
                "总分\t97.00",
                ""), java.nio.charset.StandardCharsets.UTF_8);
        String uri = address.toString();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.function.Function<String[], Integer> run = args -> {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            return org.jixiao.cli.JixiaoCommand.run(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        };
        assertEquals(0, run.apply(new String[] {"check", report.toString(), "--search", uri}), err.toString());
        assertEquals(3, search(SearchRequest.text("").withLimit(10)).total(), "check wrote the report and its two rows");
        assertEquals(0, run.apply(new String[] {"index", report.toString(), "--search", uri}), err.toString());
        assertEquals(0, run.apply(new String[] {"search", "故障响应", "--search", uri, "--region", "江苏"}), err.toString());
        assertTrue(out.toString().contains("故障处理响应时间"), out.toString());
        assertEquals(3, search(SearchRequest.text("").withLimit(10)).total(), "indexing the same file again replaced it");
    }

    /** A version of one project (one series): same kind, year, region and project, its own file. */
    private static Report version(String sha, String project, String rate) {
        return ReportFixture.report(sha).region("江阴市", "320281").year(2021).project(project)
                .funds("300.00", "250.00", rate).total("88.00")
                .indicator("产出指标", "数量指标", "设备维护次数", "≥10次", "12次", "10", "10")
                .build();
    }

    /** The report entries of the collection (every version), as a store opened for writing sees them. */
    private List<SearchStore.Version> storedVersions() throws IOException {
        try (SearchStore store = openStore()) {
            return store.versions();
        }
    }

    /** Each series' versions must have exactly one current, the one indexed last. */
    private static void assertOneCurrentNewestPerSeries(List<SearchStore.Version> versions) {
        Map<String, List<SearchStore.Version>> bySeries = versions.stream()
                .collect(java.util.stream.Collectors.groupingBy(SearchStore.Version::series));
        for (List<SearchStore.Version> series : bySeries.values()) {
            List<SearchStore.Version> current = series.stream().filter(SearchStore.Version::current).toList();
            assertEquals(1, current.size(), "one current version: " + series);
            long newest = series.stream().mapToLong(SearchStore.Version::indexedAt).max().orElseThrow();
            assertEquals(newest, current.get(0).indexedAt(), "the current version is the newest: " + series);
        }
    }

    /**
     * Two workers, each with its own store on the one collection, add versions of the same projects
     * in turn, each deciding on what it can see (the other's uncommitted versions it cannot), and
     * delete versions the other added: once both have committed, each project has exactly one
     * current version, the newest, and its history lists every version newest first, whichever
     * worker is asked.
     */
    @Test
    void twoWritersOnOneCollectionKeepOneCurrentVersionPerProject() throws Exception {
        try (ReportIndex a = ReportIndex.over(openStore()); ReportIndex b = ReportIndex.over(openStore())) {
            assertEquals(ReportIndex.Outcome.ADDED, a.add(version("x1", "维保项目", "80.00")));
            a.commit();
            // b opened before x1 existed: it does not know x1 (ADDED), and settles the series from the
            // collection when it commits, not from its memory.
            assertEquals(ReportIndex.Outcome.ADDED, b.add(version("x2", "维保项目", "81.00")));
            assertTrue(b.contains("x1"), "another worker's report is found in the collection");
            // a cannot see b's uncommitted x2: it supersedes x1 too, and commits first.
            assertEquals(ReportIndex.Outcome.SUPERSEDED, a.add(version("x3", "维保项目", "82.00")));
            a.commit();
            // b commits last: both x2 and x3 are marked current now, and b's reconciling sets it right.
            b.commit();
            assertEquals(List.of("x3", "x2", "x1"), b.history("x1").stream().map(SearchResult.Hit::sha256).toList());
            assertEquals(List.of(true, false, false), a.history("x2").stream().map(SearchResult.Hit::current).toList());

            // Deleting: a removes the current version b added, the newest remaining one is current again.
            b.add(version("y1", "运行经费", "90.00"));
            b.commit();
            b.add(version("y2", "运行经费", "91.00"));
            b.commit();
            assertTrue(a.delete("y2"), "a deletes a version only b added");
            assertFalse(a.delete("y2"));
            a.commit();
            assertEquals(List.of(true), b.history("y1").stream().map(SearchResult.Hit::current).toList());
            // Both add a version at once; a deletes its own before committing; the other one wins.
            b.add(version("y3", "运行经费", "92.00"));
            a.add(version("y4", "运行经费", "93.00"));
            b.commit();
            assertTrue(a.delete("y4"));
            a.commit();
            assertEquals(List.of("y3", "y1"), a.history("y1").stream().map(SearchResult.Hit::sha256).toList());
            assertEquals(List.of(true, false), b.history("y3").stream().map(SearchResult.Hit::current).toList());
        }
        List<SearchStore.Version> versions = storedVersions();
        assertEquals(Set.of("x1", "x2", "x3", "y1", "y3"),
                versions.stream().map(SearchStore.Version::sha256).collect(java.util.stream.Collectors.toSet()));
        assertOneCurrentNewestPerSeries(versions);
        SearchResult current = search(SearchRequest.text("").withLimit(100));
        assertEquals(Set.of("x3", "y3"), current.hits().stream().map(SearchResult.Hit::sha256).collect(java.util.stream.Collectors.toSet()),
                "a search sees the current versions only");
    }

    /**
     * Two workers on two threads add versions of the same three projects as fast as they can,
     * committing every few reports, so their writes and commits interleave as they fall: after
     * both have committed, every project has one current version, its newest, and no version is lost.
     */
    @Test
    void twoWritersRacingOnTheSameProjectsEndConsistent() throws Exception {
        int perWriter = 12;
        try (ReportIndex a = ReportIndex.over(openStore()); ReportIndex b = ReportIndex.over(openStore())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (String writer : List.of("a", "b")) {
                    ReportIndex index = writer.equals("a") ? a : b;
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            index.add(version(writer + i, "项目" + (i % 3), "8" + (i % 10) + ".00"));
                            if (i % 3 == 2) index.commit();
                        }
                        index.commit();
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> run : runs) run.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
        }
        List<SearchStore.Version> versions = storedVersions();
        assertEquals(2 * perWriter, versions.size());
        assertEquals(3, versions.stream().map(SearchStore.Version::series).distinct().count());
        assertOneCurrentNewestPerSeries(versions);
        assertEquals(3, search(SearchRequest.text("").withLimit(100)).hits().stream()
                .filter(h -> "report".equals(h.type())).count(), "one current report per project");
    }

    /**
     * The service over the collection: {@code serve}'s settings with {@code --search solr://…} (the
     * service started in process, as the web tests start it), a report dropped into the inbox is
     * found by the search API and opened by the submission API. Then {@code reindex --search
     * solr://…} rebuilds the emptied collection from the store of record, and a search finds every report.
     */
    @Test
    void theServiceIndexesIntoTheCollectionAndReindexRebuildsIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        org.jixiao.route.DataFolders folders = org.jixiao.route.DataFolders.under(data);
        Path original = Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt");
        byte[] content = java.nio.file.Files.readAllBytes(original);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        org.jixiao.web.ServerSettings settings = org.jixiao.web.ServerSettings.defaults(folders)
                .withSearch(SearchLocation.parse(address.toString(), null));
        String indicator;
        try (org.jixiao.web.JixiaoServer server = org.jixiao.web.TestServer.start(settings)) {
            assertTrue(!java.nio.file.Files.exists(folders.index()) || isEmpty(folders.index()), "no local index beside a cluster");
            org.apache.camel.builder.NotifyBuilder done = new org.apache.camel.builder.NotifyBuilder(server.camel())
                    .fromRoute(org.jixiao.route.IntakeRoutes.INBOX_ROUTE)
                    .filter(e -> sha.equals(e.getMessage().getHeader(org.jixiao.route.IntakeHeaders.SHA256, String.class)))
                    .whenDone(1).create();
            Path part = folders.scratch().resolve("dropped.part");
            java.nio.file.Files.write(part, content);
            java.nio.file.Files.move(part, folders.inbox().resolve(original.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertTrue(done.matches(WAIT_SECONDS, TimeUnit.SECONDS), "the inbox route took the report");
            server.index().nextCommit().get(WAIT_SECONDS, TimeUnit.SECONDS);

            org.jixiao.web.WebSession page = org.jixiao.web.WebSession.open(server.port());
            com.fasterxml.jackson.databind.JsonNode report = org.jixiao.web.WebSession.json(page.get("/api/reports/" + sha));
            indicator = report.path("indicators").get(0).path("name").asText();
            com.fasterxml.jackson.databind.JsonNode found = org.jixiao.web.WebSession.json(
                    page.get("/api/search?limit=50&q=" + java.net.URLEncoder.encode(indicator, java.nio.charset.StandardCharsets.UTF_8)));
            assertTrue(found.path("hits").findValuesAsText("sha256").contains(sha), found.toString());
            assertTrue(search(SearchRequest.text(indicator).withLimit(50)).hits().stream().anyMatch(h -> sha.equals(h.sha256())),
                    "the entries are in the collection");
            long id = server.store().checkedInSubmissionOrder().stream().filter(s -> sha.equals(s.sha256())).findFirst().orElseThrow().id();
            java.net.http.HttpResponse<String> submission = page.get("/api/submissions/" + id);
            assertEquals(200, submission.statusCode(), submission.body());
            assertEquals(sha, org.jixiao.web.WebSession.json(submission).path("submission").path("sha256").asText());
        }

        // reindex: the collection emptied behind the service's back, then rebuilt from the store of record.
        CloudSolrClient admin = cluster.getSolrClient();
        admin.deleteByQuery(COLLECTION, "*:*");
        admin.commit(COLLECTION);
        assertEquals(0, search(SearchRequest.text("").withLimit(1)).total());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = org.jixiao.cli.JixiaoCommand.run(new String[] {"reindex", "--data", data.toString(), "--search", address.toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, status, out + " " + err);
        assertTrue(out.toString().contains("1 份报告"), out.toString());
        assertEquals(List.of(sha), search(SearchRequest.text(indicator).withLimit(50)).hits().stream()
                .map(SearchResult.Hit::sha256).distinct().toList());
        assertFalse(java.nio.file.Files.exists(folders.index()) && !isEmpty(folders.index()), "no local index was built");
    }

    /** The PostgreSQL database the two workers share ({@code .ci/run} creates it). */
    private static final String WORKERS_DB = System.getenv().getOrDefault("JIXIAO_TEST_SOLR_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/jixiao_solr");

    /**
     * The province's deployment in small: two service workers, each with its own data folder, on one
     * PostgreSQL store of record and one collection. A report uploaded to one and its changed
     * resubmission uploaded to the other are both found through either worker's search API, the
     * later one current and the earlier one history; a second service on a worker's data folder is
     * refused (no index lock guards the folder when the index is a cluster's).
     */
    @Test
    void twoServiceWorkersShareTheCollectionAndItsVersions(@TempDir Path dir) throws Exception {
        org.jixiao.store.StoreSettings database = new org.jixiao.store.StoreSettings(WORKERS_DB, "jixiao", "jixiao");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(WORKERS_DB, "jixiao", "jixiao");
             java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (java.sql.SQLException e) {
            String reason = "没有可用的 PostgreSQL 数据库（" + WORKERS_DB + "）：" + e.getMessage();
            if (System.getenv("JIXIAO_REQUIRE_POSTGRES") != null) throw new AssertionError(reason, e);
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        Path original = Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt");
        byte[] first = java.nio.file.Files.readAllBytes(original);
        byte[] changed = java.nio.file.Files.readString(original).replace("98.42", "98.40").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SearchLocation collection = SearchLocation.parse(address.toString(), null);
        org.jixiao.route.DataFolders foldersA = org.jixiao.route.DataFolders.under(dir.resolve("worker-a"));
        org.jixiao.route.DataFolders foldersB = org.jixiao.route.DataFolders.under(dir.resolve("worker-b"));
        try (org.jixiao.web.JixiaoServer a = org.jixiao.web.TestServer.start(org.jixiao.web.ServerSettings.defaults(foldersA)
                     .withStore(database).withSearch(collection));
             org.jixiao.web.JixiaoServer b = org.jixiao.web.TestServer.start(org.jixiao.web.ServerSettings.defaults(foldersB)
                     .withStore(database).withSearch(collection))) {
            Exception refused = assertThrows(Exception.class, () -> org.jixiao.web.TestServer.start(
                    org.jixiao.web.ServerSettings.defaults(foldersA).withStore(database).withSearch(collection)).close());
            assertTrue(refused.getMessage().contains("正被另一个 jixiao 服务使用"), refused.getMessage());

            org.jixiao.web.WebSession pageA = org.jixiao.web.WebSession.open(a.port());
            org.jixiao.web.WebSession pageB = org.jixiao.web.WebSession.open(b.port());
            java.net.http.HttpResponse<String> v1 = pageA.upload("qingdao.txt", first);
            assertEquals(201, v1.statusCode(), v1.body());
            a.index().nextCommit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            java.net.http.HttpResponse<String> v2 = pageB.upload("qingdao-resubmitted.txt", changed);
            assertEquals(201, v2.statusCode(), v2.body());
            b.index().nextCommit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            String sha1 = org.jixiao.web.WebSession.json(v1).path("id").asText();
            String sha2 = org.jixiao.web.WebSession.json(v2).path("id").asText();
            String indicator = org.jixiao.web.WebSession.json(v1).path("report").path("indicators").get(0).path("name").asText();
            String q = "/api/search?limit=100&q=" + java.net.URLEncoder.encode(indicator, java.nio.charset.StandardCharsets.UTF_8);
            for (org.jixiao.web.WebSession page : List.of(pageA, pageB)) {
                assertEquals(List.of(sha2), org.jixiao.web.WebSession.json(page.get(q)).path("hits").findValuesAsText("sha256")
                        .stream().distinct().toList(), "the later version is the current one, whichever worker is asked");
                assertEquals(Set.of(sha1, sha2), Set.copyOf(org.jixiao.web.WebSession.json(page.get(q + "&history=true"))
                        .path("hits").findValuesAsText("sha256")), "and the earlier one is history");
            }
            assertEquals(List.of(sha2, sha1), a.index().history(sha1).stream().map(SearchResult.Hit::sha256).toList());
            assertEquals(List.of(true, false), b.index().history(sha2).stream().map(SearchResult.Hit::current).toList());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Reports with four indicator rows and a budget item each, in different regions and projects. */
    private static List<Report> batch(String prefix, int count) {
        String[][] regions = {{"江阴市", "320281"}, {"武汉市", "420100"}, {"湖北省", "420000"}};
        List<Report> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] region = regions[i % regions.length];
            out.add(ReportFixture.report(prefix + i).region(region[0], region[1]).year(2020 + i % 3).project(prefix + "项目" + i)
                    .funds("300.00", "250.00", "83.33").total("88.00")
                    .indicator("产出指标", "数量指标", "设备维护次数", "≥10次", "12次", "10", "10")
                    .indicator("产出指标", "时效指标", "故障响应时间", "≤2小时", "1小时", "10", "9")
                    .indicator("效益指标", "社会效益指标", "系统正常运行率", "≥99%", "99.5%", "20", "20")
                    .indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "10", "10")
                    .item("硬件维护", "120.50")
                    .build());
        }
        return out;
    }
}

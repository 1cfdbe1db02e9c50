package org.jixiao.index.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.jixiao.index.ProvinceBenchmark;
import org.jixiao.index.SearchLocation;

/**
 * The launcher of {@code SOLR=1 bench/province.sh}, not a test (surefire runs classes named
 * {@code *Test}; this one is a {@code main}): it starts a 2-node {@link MiniSolrCloudCluster} with an
 * embedded ZooKeeper, as {@link SolrSearchStoreTest} does, creates the benchmark's collection with 2
 * shards × 2 replicas from the project's configset, and runs {@link ProvinceBenchmark} over the
 * embedded Lucene index and that collection in one run, with the same reports and queries:
 *
 * <pre>
 * java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.jixiao.index.solr.ProvinceBenchmarkCluster [--reports 50000] [ProvinceBenchmark options…]
 * </pre>
 * It lives on the test class path because solr-test-framework (which has the mini cluster) is a
 * test dependency. The Solr nodes run in this JVM: the process's CPU time during the SolrCloud run
 * counts their analysis and indexing too. The cluster's disk is its two nodes' folders (cores,
 * index and transaction logs of all four replicas), not the ZooKeeper's (cluster state only).
 */
public final class ProvinceBenchmarkCluster {

    static final int NODES = 2;
    static final int SHARDS = 2;
    static final int REPLICAS = 2;
    static final String COLLECTION = "province";
    /** The cluster's folder: emptied at the start, left after the run so that its files can be looked at. */
    static final Path CLUSTER_DIR = Path.of("target/province-solr");
    static final Path LUCENE_DIR = Path.of("target/province-lucene");
    static final String LUCENE_LABEL = "embedded Lucene";
    static final String SOLR_LABEL = "SolrCloud, 2 nodes, 2 shards × 2 replicas";

    private ProvinceBenchmarkCluster() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(CLUSTER_DIR, LUCENE_DIR, args);
        } catch (Exception e) {
            System.err.println("基准运行失败：" + e);
            e.printStackTrace();
            status = 1;
        }
        // The cluster is shut down by now; threads its client pools may still keep alive must not
        // keep a finished (or failed) benchmark's JVM waiting.
        System.exit(status);
    }

    /**
     * Starts the cluster in {@code clusterDir}, runs the benchmark over the embedded Lucene index in
     * {@code luceneDir} and the cluster's collection with the given {@link ProvinceBenchmark}
     * options, and shuts the cluster down.
     */
    static List<ProvinceBenchmark.Figures> run(Path clusterDir, Path luceneDir, String... options) throws Exception {
        deleteRecursively(clusterDir);
        Files.createDirectories(clusterDir);
        System.out.printf("starting SolrCloud: %d nodes and an embedded ZooKeeper in %s%n", NODES, clusterDir);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(NODES, clusterDir).build();
        try {
            // getZkAddress is host:port/solr: the cluster runs under a chroot, as on a shared ensemble.
            SolrAddress address = SolrAddress.parse(SolrAddress.SCHEME + cluster.getZkServer().getZkAddress() + "/" + COLLECTION
                    + "?shards=" + SHARDS + "&replicas=" + REPLICAS);
            // Created here, as `index --search solr://…` would create it: the configset from the classpath, then the collection.
            SolrSearchStore.ensureCollection(cluster.getSolrClient(), address);
            List<String> args = new ArrayList<>(List.of(options));
            args.addAll(List.of("--search", SearchLocation.LUCENE + luceneDir, "--label", LUCENE_LABEL,
                    "--search", address.toString(), "--label", SOLR_LABEL));
            for (JettySolrRunner node : cluster.getJettySolrRunners()) {
                args.add("--disk");
                args.add(node.getSolrHome());
            }
            return ProvinceBenchmark.runArguments(args.toArray(String[]::new));
        } finally {
            cluster.shutdown();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

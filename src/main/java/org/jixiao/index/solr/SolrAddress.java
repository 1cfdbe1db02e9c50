package org.jixiao.index.solr;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a SolrCloud collection is: {@code solr://zk1:2181,zk2:2181[/chroot]/collection?shards=2&replicas=2}.
 * The ZooKeeper ensemble is the cluster's address (SolrJ finds the live nodes and each shard's leader
 * there); the last path segment is the collection; shards and replicas are only used when the
 * collection does not exist yet and is created.
 *
 * @param zkHosts    ZooKeeper {@code host:port}s
 * @param chroot     the ZooKeeper chroot Solr runs under ({@code /solr}), or empty
 * @param collection the collection name
 * @param shards     shards of a collection created here
 * @param replicas   replicas of each shard of a collection created here
 */
public record SolrAddress(List<String> zkHosts, Optional<String> chroot, String collection, int shards, int replicas) {

    /** The URI scheme. */
    public static final String SCHEME = "solr://";
    /** A new collection's shards and replicas when the URI does not say: one machine may fail. */
    static final int DEFAULT_SHARDS = 2;
    static final int DEFAULT_REPLICAS = 2;

    public SolrAddress {
        zkHosts = List.copyOf(zkHosts);
    }

    /**
     * Parses a {@code solr://} URI.
     *
     * @throws IllegalArgumentException with a Chinese reason when it is not one
     */
    public static SolrAddress parse(String uri) {
        if (!uri.startsWith(SCHEME)) throw new IllegalArgumentException("不是 SolrCloud 地址（应以 solr:// 开头）：" + uri);
        String rest = uri.substring(SCHEME.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        int last = path.lastIndexOf('/');
        String collection = last < 0 ? "" : path.substring(last + 1);
        String chroot = last <= 0 ? "" : path.substring(0, last);
        List<String> zk = new ArrayList<>();
        for (String h : hosts.split(",")) if (!h.isBlank()) zk.add(h.strip());
        if (zk.isEmpty() || collection.isEmpty()) {
            throw new IllegalArgumentException("SolrCloud 地址应写成 solr://zk主机:端口[,zk主机:端口…]/集合名[?shards=2&replicas=2]：" + uri);
        }
        if (!collection.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("SolrCloud 集合名只能由字母、数字、点、下划线和连字符组成：" + collection);
        }
        int shards = DEFAULT_SHARDS;
        int replicas = DEFAULT_REPLICAS;
        for (String pair : query.split("&")) {
            if (pair.isBlank()) continue;
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            switch (key) {
                case "shards" -> shards = positive(key, value);
                case "replicas" -> replicas = positive(key, value);
                default -> throw new IllegalArgumentException("SolrCloud 地址中未知的参数“" + key + "”，可用：shards、replicas");
            }
        }
        return new SolrAddress(zk, chroot.isEmpty() ? Optional.empty() : Optional.of(chroot), collection, shards, replicas);
    }

    private static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SolrCloud 地址中 " + key + " 应为正整数：" + value);
    }

    @Override
    public String toString() {
        return SCHEME + String.join(",", zkHosts) + chroot.orElse("") + "/" + collection;
    }
}

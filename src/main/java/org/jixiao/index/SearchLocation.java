package org.jixiao.index;

import java.io.IOException;
import java.nio.file.Path;
import org.jixiao.index.lucene.LuceneSearchStore;
import org.jixiao.index.solr.SolrAddress;
import org.jixiao.index.solr.SolrSearchStore;
import org.jixiao.normalize.RegionResolver;

/**
 * Where the search store is: the one place that picks a {@link SearchStore} implementation, from
 * the {@code --search URI} option or, by default, the embedded Lucene index in a folder. Everything
 * else opens its store through here and sees only the port.
 *
 * @param directory the folder of the embedded Lucene index; null for a cluster
 * @param solr      the SolrCloud collection ({@code solr://zk:2181/collection}); null for the embedded index
 */
public record SearchLocation(Path directory, SolrAddress solr) {

    /** The URI scheme of the embedded index: {@code lucene:/path/to/index}. */
    public static final String LUCENE = "lucene:";

    /** The embedded Lucene index in {@code dir}. */
    public static SearchLocation lucene(Path dir) {
        return new SearchLocation(dir, null);
    }

    /**
     * The store a {@code --search} value names: {@code lucene:DIR} (or a plain folder) for the
     * embedded index, {@code solr://zk1:2181,zk2:2181/collection?shards=2&replicas=2} for a SolrCloud
     * collection; nothing for the embedded index in {@code defaultDir}.
     *
     * @throws IllegalArgumentException with a Chinese reason for a URI no implementation takes
     */
    public static SearchLocation parse(String uri, Path defaultDir) {
        if (uri == null || uri.isBlank()) return lucene(defaultDir);
        String u = uri.strip();
        if (u.startsWith(LUCENE)) return lucene(Path.of(u.substring(LUCENE.length())));
        if (u.startsWith(SolrAddress.SCHEME)) return new SearchLocation(null, SolrAddress.parse(u));
        if (u.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("--search 暂不支持 " + u.replaceFirst("://.*", "://…")
                    + "：可用内置的 Lucene 索引（lucene:目录，或不写使用数据目录下的 index/）"
                    + "或 SolrCloud 集合（solr://zk主机:端口/集合名）");
        }
        return lucene(Path.of(u));
    }

    /**
     * Opens the store for writing (creating an empty index, or a SolrCloud collection, if there is none).
     *
     * @throws IndexLockedException when another process writes it
     * @throws IndexFormatException when it is of another layout or damaged
     */
    public SearchStore openWriter(RegionResolver regions) throws IOException {
        if (solr != null) return SolrSearchStore.open(solr, regions);
        return LuceneSearchStore.open(directory, regions);
    }

    /**
     * Opens the store for searching only; another process may be writing it.
     *
     * @throws InvalidQueryException with a Chinese message when there is no index there
     */
    public SearchStore openReader() throws IOException {
        if (solr != null) return SolrSearchStore.openReader(solr);
        return LuceneSearchStore.openReader(directory);
    }

    /** The versioning rules over the store opened for writing. */
    public ReportIndex openIndex(RegionResolver regions) throws IOException {
        return ReportIndex.over(openWriter(regions));
    }

    /** Whether {@code e} (or a cause) says the store's files are damaged, so that a rebuild is the answer. */
    public static boolean damage(Throwable e) {
        return LuceneSearchStore.damage(e);
    }

    @Override
    public String toString() {
        return solr != null ? solr.toString() : directory.toString();
    }
}

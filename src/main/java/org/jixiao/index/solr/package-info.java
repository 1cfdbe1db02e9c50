/**
 * The SolrCloud implementation of the {@link org.jixiao.index.SearchStore} port: the same entries
 * (one per report, per indicator row, per budget item), fields and Chinese analysis as the embedded
 * index, in a collection spread over shards and replicas, so that one search covers a province and
 * the loss of one node stops neither searches nor writes. SolrJ is used only here (ArchitectureTest).
 *
 * <p><b>Configset and collection.</b> {@code src/main/resources/solr/configsets/jixiao/conf} is
 * uploaded to ZooKeeper (as {@value org.jixiao.index.solr.SolrSearchStore#CONFIGSET}) and the
 * collection created from it with the URI's shards and replicas when the cluster has no such
 * collection. The word analysis is the project's HanLP tokenizer
 * ({@link org.jixiao.index.analysis.HanLpTokenizerFactory}), so the jixiao jar must be on each Solr
 * node's classpath; the bigrams are Lucene's CJK filters, which Solr ships.
 *
 * <p><b>One shard per report.</b> Entry ids are {@code sha256!n}: the compositeId router sends every
 * entry of a report to the shard its sha256 hashes to, so a report's entries are written, replaced,
 * marked and committed together on one shard, and no report is ever half on a lost node.
 *
 * <p><b>Commit semantics as the embedded index.</b> A cluster cannot roll back what it was sent, so
 * the store holds its writes until {@link org.jixiao.index.SearchStore#commit()} (at most the ten
 * seconds of {@link org.jixiao.index.ReportIndex#COMMIT_INTERVAL} while a batch is indexed) and then
 * sends them in order; {@code abandon} drops them. The configset has no soft commits and its
 * auto-commit opens no searcher, so nothing becomes visible before the client's commit. Versioning
 * stays above the port: superseding a version is an in-place update of a doc-values flag on its
 * entries, found by id from the report entry's counts (real-time get), no search needed.
 *
 * <p><b>Several writers.</b> Any number of processes may write one collection (the service's
 * workers): the store says it is {@linkplain org.jixiao.index.SearchStore#shared() shared}, and
 * {@link org.jixiao.index.ReportIndex} reads a series' versions from it (a query on the indexed
 * series field, with this writer's held writes applied) and reconciles them after each commit.
 * A collection whose schema does not index the series (configset {@code jixiao-1}) is refused for writing.
 *
 * <p><b>Ranking.</b> The configset's {@code ExactStatsCache} computes BM25 over the whole
 * collection's term statistics, so the order of hits does not depend on how reports fall on shards,
 * and the text query is built as the embedded index builds it (see {@link
 * org.jixiao.index.solr.SolrSearcher}).
 */
package org.jixiao.index.solr;

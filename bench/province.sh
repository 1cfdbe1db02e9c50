#!/usr/bin/env bash
# Province-size index benchmark (not a test): synthetic reports over every GB/T 2260 region and ten
# years, indexed through the search-store port while a query thread searches; prints index
# throughput, query p50/p99 (text, filter, range, facet) while indexing, disk per million indicator
# rows, CPU seconds and the load average (docs/scaling.md quotes it).
#
# Usage: bench/province.sh [REPORTS=50000] [ProvinceBenchmark options…]
#   bench/province.sh                      the embedded Lucene index, 50,000 reports × 20 rows = 1 M rows
#   bench/province.sh 250000               5 M rows
#   SOLR=1 bench/province.sh               Lucene, then a 2-node MiniSolrCloudCluster (2 shards × 2
#                                          replicas) in the same JVM and run, side by side; the launcher
#                                          lives on the test class path (solr-test-framework is a test
#                                          dependency), in org.jixiao.index.solr.ProvinceBenchmarkCluster
#   NO_BUILD=1 …                           use the jar built before
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-50000}"; shift || true
[ -n "${NO_BUILD:-}" ] || mvn -q -B -DskipTests package >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
if [ -n "${SOLR:-}" ]; then
  launcher=org.jixiao.index.solr.ProvinceBenchmarkCluster
  if [ ! -f "target/test-classes/${launcher//.//}.class" ]; then
    echo "没有 $launcher：SolrCloud 检索库合并之后才有（见 docs/scaling.md）" >&2
    exit 2
  fi
  mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
  # The launcher starts the cluster in target/province-solr, creates the collection and runs ProvinceBenchmark
  # with --search lucene:target/province-lucene --search solr://ZK/province --disk NODE1 --disk NODE2 plus these
  # options. -Xmx3g: this one JVM holds both Solr nodes (four cores, each with a 128 MB indexing buffer, and
  # their caches) besides the client and the query thread; in production each node has a heap of its own.
  # Solr's and ZooKeeper's warnings about a test cluster (open ACLs, no log dir, no randomized context) are muted.
  /usr/bin/time -f "whole JVM: user %U s, sys %S s, wall %e s, peak RSS %M kB" \
    java -Xmx3g -Dorg.slf4j.simpleLogger.log.org.apache.solr=error -Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=error -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" "$launcher" --reports "$reports" "$@"
else
  /usr/bin/time -f "whole JVM: user %U s, sys %S s, wall %e s, peak RSS %M kB" \
    java -Xmx1g -cp "target/jixiao.jar:target/lib/*" org.jixiao.index.ProvinceBenchmark --reports "$reports" "$@"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# One-off set-up of a province's cluster after ZooKeeper, Kafka, Solr and PostgreSQL are up
# (docs/deploy/compose.yaml; on separate machines run the same commands there):
#   1. the ZooKeeper chroot /solr that every Solr node's ZK_HOST names,
#   2. the project's configset uploaded to ZooKeeper as "jixiao-2",
#   3. the collection: SHARDS shards × REPLICAS replicas (docs/scaling.md says how many),
#   4. the Kafka topic the workers consume, replicated three times.
# The database needs nothing: every jixiao process applies the store's migrations when it starts.
#
# Usage: SHARDS=… REPLICAS=2 PARTITIONS=12 docs/deploy/init.sh
set -euo pipefail
cd "$(dirname "$0")"
dc() { docker compose -f compose.yaml "$@"; }
shards="${SHARDS:?set SHARDS (docs/scaling.md: shards)}"
replicas="${REPLICAS:-2}"
partitions="${PARTITIONS:-12}"
collection="${COLLECTION:-jixiao}"

dc exec solr1 solr zk mkroot /solr -z zk1:2181,zk2:2181,zk3:2181
# The project's configset, src/main/resources/solr/configsets/jixiao/conf (compose.yaml mounts it at
# /configset on solr1), under the name the SolrCloud store itself would upload it as (SolrSearchStore.CONFIGSET:
# the layout version is in the name). Its schema needs target/jixiao-solr-plugin.jar in each node's lib folder.
configset=jixiao-2
dc exec solr1 solr zk upconfig -n "$configset" -d /configset -z zk1:2181,zk2:2181,zk3:2181/solr
# Replicas of one shard on different nodes (Solr's default placement), so a node's loss leaves every shard served.
dc exec solr1 curl -fsS "http://localhost:8983/solr/admin/collections?action=CREATE&name=${collection}&collection.configName=${configset}&numShards=${shards}&replicationFactor=${replicas}&waitForFinalState=true"

# Partitions ≥ all consumers of all workers (workers × --threads); a file is one message of up to
# --max-upload-mb (20) plus headers; two of three replicas acknowledge each submission.
dc exec kafka1 /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka1:9092 --create --if-not-exists \
  --topic jixiao-submissions --partitions "$partitions" --replication-factor 3 \
  --config min.insync.replicas=2 --config max.message.bytes=21037056

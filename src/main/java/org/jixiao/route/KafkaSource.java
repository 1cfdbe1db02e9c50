package org.jixiao.route;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Submissions through a Kafka topic: any number of {@code serve --source kafka:HOST:PORT/TOPIC}
 * workers share the topic's partitions as one consumer group, and {@code jixiao submit} publishes
 * to it ({@link KafkaPublisher}).
 *
 * <p>A message is one submission: the body is the file's bytes, the key its SHA-256 (so the same
 * content always lands on the same partition, where one consumer takes its deliveries in order),
 * and the headers {@value #NAME_HEADER}, {@value #SHA256_HEADER} and {@value #SUBMITTER_HEADER}
 * (UTF-8) name the file, its digest and who sent it.
 *
 * <p>Processed once: the consumer never commits by itself ({@code autoCommitEnable=false}); the
 * offset of a message is committed ({@code allowManualCommit}) only when its exchange has completed,
 * that is after its ending — checked, failed with its reason, or found already recorded — is in the
 * store of record. A worker killed before that leaves the offset where it was, and the message is
 * delivered again, to it or to another worker; the store records each SHA-256 once
 * ({@link org.jixiao.store.StoreOfRecord#once()}), so a second delivery is acknowledged and skipped.
 * An exchange that fails (the database or the disk cannot be written) is not committed either:
 * {@code breakOnFirstError} makes the consumer seek back and take the same message again, so no later
 * offset of that partition can be committed over it.
 */
public final class KafkaSource {

    /** The scheme, Camel's component name. */
    public static final String SCHEME = "kafka:";
    /** Wire headers of a submission, UTF-8 bytes. */
    public static final String NAME_HEADER = "jixiao-file-name";
    public static final String SHA256_HEADER = "jixiao-sha256";
    public static final String SUBMITTER_HEADER = "jixiao-submitter";
    /** The consumer group of the workers, unless the URI names another. */
    static final String GROUP = "jixiao-intake";
    /**
     * Messages taken per poll. Each is checked before the next poll, so a poll's work must end within
     * {@link #MAX_POLL_INTERVAL_MILLIS}: 5 files of at most a minute each (the child process timeout).
     */
    static final int RECORDS_PER_POLL = 5;
    static final int MAX_POLL_INTERVAL_MILLIS = 10 * 60 * 1000;
    /** How long a send waits for an unreachable broker before it is reported (Kafka's default is a minute). */
    static final int MAX_BLOCK_MILLIS = 30_000;
    /** Headroom above the largest file for a message's headers and framing. */
    static final long MESSAGE_OVERHEAD_BYTES = 64 * 1024;

    private static final String BYTES_DESERIALIZER = "org.apache.kafka.common.serialization.ByteArrayDeserializer";
    private static final String BYTES_SERIALIZER = "org.apache.kafka.common.serialization.ByteArraySerializer";

    private KafkaSource() {
    }

    public static boolean is(String uri) {
        return uri != null && uri.startsWith(SCHEME);
    }

    /**
     * Camel's URI for the topic. Both {@code kafka:HOST:PORT[,HOST:PORT…]/TOPIC[?options]} and Camel's
     * own {@code kafka:TOPIC?brokers=HOST:PORT[&options]} are accepted.
     *
     * @throws IllegalArgumentException with a Chinese reason when no broker or topic is named
     */
    static String camelUri(String uri) {
        int q = uri.indexOf('?');
        String path = (q < 0 ? uri : uri.substring(0, q)).substring(SCHEME.length());
        Map<String, String> options = SourceUri.options(uri);
        String topic = path;
        int slash = path.lastIndexOf('/');
        if (slash >= 0) {
            options.put("brokers", path.substring(0, slash));
            topic = path.substring(slash + 1);
        }
        if (topic.isBlank() || options.getOrDefault("brokers", "").isBlank()) {
            throw new IllegalArgumentException("Kafka 来源应写作 kafka:主机:端口/主题（多个服务器以逗号分隔）：" + uri);
        }
        return SourceUri.withOptions(SCHEME + topic, options);
    }

    /**
     * The consumer: in the workers' group, committing only by hand after the store write, stopping
     * at a message whose exchange failed, bytes as they were sent. What the URI gives otherwise
     * (e.g. a shorter {@code sessionTimeoutMs} so that a dead worker's partitions move sooner) stays.
     */
    static String consumerUri(String uri, int consumers) {
        String camel = camelUri(uri);
        int q = camel.indexOf('?');
        Map<String, String> options = SourceUri.options(camel);
        options.putIfAbsent("groupId", GROUP);
        // Where a new group starts: at the beginning, so nothing published before the first worker is missed.
        options.putIfAbsent("autoOffsetReset", "earliest");
        options.putIfAbsent("consumersCount", Integer.toString(consumers));
        options.putIfAbsent("maxPollRecords", Integer.toString(RECORDS_PER_POLL));
        options.putIfAbsent("maxPollIntervalMs", Integer.toString(MAX_POLL_INTERVAL_MILLIS));
        // Not negotiable: these make "once" hold.
        options.put("autoCommitEnable", "false");
        options.put("allowManualCommit", "true");
        options.put("breakOnFirstError", "true");
        options.put("valueDeserializer", BYTES_DESERIALIZER);
        return SourceUri.withOptions(camel.substring(0, q < 0 ? camel.length() : q), options);
    }

    /** The producer: acknowledged by every in-sync replica, no duplicates from its own retries, room for the largest file. */
    static String producerUri(String uri, long maxFileBytes) {
        String camel = camelUri(uri);
        int q = camel.indexOf('?');
        Map<String, String> options = SourceUri.options(camel);
        options.putIfAbsent("requestRequiredAcks", "all");
        options.putIfAbsent("enableIdempotence", "true");
        options.putIfAbsent("maxRequestSize", Long.toString(maxFileBytes + MESSAGE_OVERHEAD_BYTES));
        options.putIfAbsent("maxBlockMs", Integer.toString(MAX_BLOCK_MILLIS));
        options.put("valueSerializer", BYTES_SERIALIZER);
        return SourceUri.withOptions(camel.substring(0, q < 0 ? camel.length() : q), options);
    }

    /**
     * First step of a message from the topic: the wire headers become the intake's, and the message's
     * offset is committed when — and only when — its exchange completes.
     */
    static void take(Exchange exchange) {
        Message in = exchange.getMessage();
        String name = text(in, NAME_HEADER);
        String submitter = text(in, SUBMITTER_HEADER);
        String declared = text(in, SHA256_HEADER);
        // A publisher sets only the wire headers: none of the intake's own (a stored path, an outcome).
        in.removeHeaders("Jixiao*");
        if (name != null) in.setHeader(IntakeHeaders.FILE_NAME, name);
        if (submitter != null) in.setHeader(IntakeHeaders.SUBMITTER, submitter);
        exchange.setProperty(IntakeHeaders.DELIVERY, Boolean.TRUE);
        if (declared != null) exchange.setProperty(IntakeHeaders.DECLARED_SHA256, declared.trim().toLowerCase(java.util.Locale.ROOT));
        KafkaManualCommit commit = in.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit == null) throw new IllegalStateException("Kafka consumer without manual commit: " + exchange.getFromEndpoint());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                // On the consumer's thread (the route has no thread hand-off), as Kafka's consumer requires.
                commit.commit();
            }
        });
    }

    /** A wire header as text: Kafka gives bytes, which are UTF-8 whatever this machine's default. */
    private static String text(Message in, String header) {
        Object v = in.getHeader(header);
        if (v instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        return v == null ? null : v.toString();
    }
}

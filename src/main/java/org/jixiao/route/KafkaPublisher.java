package org.jixiao.route;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes submissions to the intake topic ({@link KafkaSource}), each acknowledged by the broker
 * before {@link #publish} returns: what returned is on the topic and will be recorded by a worker.
 */
public final class KafkaPublisher implements AutoCloseable {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String uri;
    /** The topic as the user named it, for messages. */
    private final String address;
    private final long maxFileBytes;

    /**
     * @param uri          {@code kafka:HOST:PORT/TOPIC}, as for {@code serve --source}
     * @param maxFileBytes the largest file sent (the workers' {@code --max-upload-mb}); larger ones are refused here
     * @throws IllegalArgumentException with a Chinese reason for a URI that names no broker or topic
     */
    public KafkaPublisher(String uri, long maxFileBytes) throws Exception {
        this.uri = KafkaSource.producerUri(uri, maxFileBytes);
        this.address = uri;
        this.maxFileBytes = maxFileBytes;
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /** Where a submission went on the topic. */
    public record Receipt(String sha256, int partition, long offset) {
    }

    /**
     * Sends one file: its bytes, keyed by SHA-256, with name, digest and submitter as headers.
     *
     * @throws IllegalArgumentException with a Chinese reason when the file is larger than the workers take
     * @throws IllegalStateException    with a Chinese reason when the broker did not take it
     */
    public Receipt publish(String fileName, byte[] content, String submitter) {
        if (content.length > maxFileBytes) {
            throw new IllegalArgumentException("文件过大（" + content.length / (1024 * 1024) + " MB），超过上限 "
                    + maxFileBytes / (1024 * 1024) + " MB，未发送");
        }
        String sha = Intake.sha256(content);
        Exchange sent = producer.send(uri, e -> {
            e.getMessage().setBody(content);
            e.getMessage().setHeader(KafkaConstants.KEY, sha);
            // Bytes, not strings: header strings would be encoded with this machine's default charset.
            e.getMessage().setHeader(KafkaSource.NAME_HEADER, SubmittedName.clean(fileName).getBytes(StandardCharsets.UTF_8));
            e.getMessage().setHeader(KafkaSource.SHA256_HEADER, sha.getBytes(StandardCharsets.UTF_8));
            e.getMessage().setHeader(KafkaSource.SUBMITTER_HEADER, submitter.getBytes(StandardCharsets.UTF_8));
        });
        Exception failure = sent.getException();
        if (failure instanceof org.apache.kafka.common.errors.TimeoutException) {
            throw new IllegalStateException("Kafka 未接收“" + fileName + "”：" + KafkaSource.MAX_BLOCK_MILLIS / 1000
                    + " 秒内未能连上 Kafka 服务器，或主题不存在（" + address + "）", failure);
        }
        if (failure != null) {
            throw new IllegalStateException("Kafka 未接收“" + fileName + "”：" + failure.getMessage(), failure);
        }
        Object meta = sent.getMessage().getHeader(KafkaConstants.KAFKA_RECORD_META);
        if (meta instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof RecordMetadata m) {
            return new Receipt(sha, m.partition(), m.offset());
        }
        return new Receipt(sha, -1, -1);
    }

    @Override
    public void close() {
        // stop(), not close(): the same shutdown without close()'s checked Exception.
        camel.stop();
    }
}

package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jixiao.pipeline.Corpus;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.ServerSettings;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source is one endpoint URI: a folder gets the inbox's safety options, anything else is used as it is. */
class SourceUriTest {

    @TempDir
    Path data;

    @Test
    void aFolderUriKeepsItsOwnOptionsAndAlwaysMovesToTheChosenName() {
        DataFolders folders = DataFolders.under(data);
        String uri = SourceUri.complete("file:/srv/share?recursive=true&readLockMinAge=2000", folders);
        assertTrue(uri.startsWith("file:/srv/share?"), uri);
        assertTrue(uri.contains("recursive=true"), uri);
        assertTrue(uri.contains("readLockMinAge=2000") && !uri.contains("readLockMinAge=" + SourceUri.STABLE_MILLIS), uri);
        assertTrue(uri.contains("readLock=changed"), uri);
        assertTrue(uri.contains("move=${header." + IntakeHeaders.STORED_PATH + "}"), uri);
        assertEquals("jms:queue:reports?transacted=true", SourceUri.complete("jms:queue:reports?transacted=true", folders));
    }

    @Test
    void aKafkaTopicIsConsumedInTheWorkersGroupCommittingOnlyByHand() {
        DataFolders folders = DataFolders.under(data);
        String uri = SourceUri.complete("kafka:k1:9092,k2:9092/jixiao-submissions?sessionTimeoutMs=10000&autoCommitEnable=true"
                + "&groupId=bureau-7", folders, 3);
        assertTrue(uri.startsWith("kafka:jixiao-submissions?"), uri);
        assertTrue(uri.contains("brokers=k1:9092,k2:9092"), uri);
        assertTrue(uri.contains("sessionTimeoutMs=10000") && uri.contains("groupId=bureau-7"), "the URI's own options stay: " + uri);
        assertTrue(uri.contains("autoCommitEnable=false") && !uri.contains("autoCommitEnable=true"), "never committed by itself: " + uri);
        assertTrue(uri.contains("allowManualCommit=true") && uri.contains("breakOnFirstError=true"), uri);
        assertTrue(uri.contains("consumersCount=3") && uri.contains("autoOffsetReset=earliest"), uri);
        assertTrue(uri.contains("valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"), uri);
        // Camel's own form, and the group by default.
        String camel = SourceUri.complete("kafka:reports?brokers=k1:9092", folders, 1);
        assertTrue(camel.startsWith("kafka:reports?brokers=k1:9092&") && camel.contains("groupId=" + KafkaSource.GROUP), camel);
        for (String bad : new String[] {"kafka:k1:9092/", "kafka:reports"}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SourceUri.complete(bad, folders, 1));
            assertTrue(e.getMessage().contains("kafka:主机:端口/主题"), e.getMessage());
        }
        String producer = KafkaSource.producerUri("kafka:k1:9092/jixiao-submissions", 20L * 1024 * 1024);
        assertTrue(producer.contains("maxRequestSize=" + (20L * 1024 * 1024 + KafkaSource.MESSAGE_OVERHEAD_BYTES))
                && producer.contains("requestRequiredAcks=all") && producer.contains("enableIdempotence=true"), producer);
    }

    @Test
    void anotherEndpointFeedsTheSameIntakeWithoutCodeChanges() throws Exception {
        DataFolders folders = DataFolders.under(data);
        JixiaoServer server = TestServer.start(ServerSettings.defaults(folders).withSourceUri("direct:submissions"));
        try (ProducerTemplate producer = server.camel().createProducerTemplate()) {
            Path report = Corpus.goldenTextInputs().get(0);
            byte[] content = Files.readAllBytes(report);
            producer.sendBodyAndHeader("direct:submissions", content, Exchange.FILE_NAME, "from-queue.txt");
            producer.sendBody("direct:submissions", "没有名字的消息".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertArrayEquals(content, Files.readAllBytes(folders.done().resolve("from-queue.txt")), "the route stores the original itself");
            assertTrue(Files.exists(folders.done().resolve("from-queue.txt" + DataFolders.REPORT_SUFFIX)));
            assertTrue(server.registry().find(Intake.sha256(content)).isPresent());
            try (var failed = Files.list(folders.failed())) {
                assertTrue(failed.anyMatch(p -> p.getFileName().toString().startsWith(Intake.UNNAMED_PREFIX)
                        && p.getFileName().toString().endsWith(DataFolders.ERROR_SUFFIX)), "a nameless message is named from its content");
            }
        } finally {
            server.close();
        }
    }
}

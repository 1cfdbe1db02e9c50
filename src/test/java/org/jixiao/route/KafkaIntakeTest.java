package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jixiao.cli.JixiaoCommand;
import org.jixiao.pipeline.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka intake end to end: a real Kafka broker in KRaft mode (Kafka's own test kit) in this JVM,
 * files published with {@code jixiao submit}, two {@code serve --source kafka:…} worker processes
 * in one consumer group sharing one PostgreSQL store of record, and one of them killed with SIGKILL
 * while both are working through the batch. Afterwards every published content is recorded exactly
 * once (rows counted by SHA-256), the unreadable ones with their Chinese reason, and every offset of
 * the topic is committed.
 */
class KafkaIntakeTest {

    static final String URL = env("JIXIAO_TEST_KAFKA_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/jixiao_kafka");
    static final String USER = env("JIXIAO_TEST_POSTGRES_USER", "jixiao");
    static final String PASSWORD = env("JIXIAO_TEST_POSTGRES_PASSWORD", "jixiao");

    /** Bounds every wait (a busy 2-core machine included); never reached when all is well. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final long POLL_MILLIS = 100;
    private static final String TOPIC = "jixiao-submissions";
    private static final String GROUP = "jixiao-intake";
    /** Two consumers in each of the two workers: one partition each. */
    private static final int PARTITIONS = 4;
    private static final int THREADS_PER_WORKER = 2;
    /** Kill once each worker has ended this many: both are then working through the batch. */
    private static final int DONE_EACH_BEFORE_KILL = 2;
    /** Distinct variants of the corpus texts in the batch: enough that the killed worker has some left. */
    private static final int VARIANTS = 50;
    /**
     * A dead worker's partitions move to the living one after this long without a heartbeat (the
     * broker's smallest allowed session; the default 45 s would only make the test slower).
     */
    private static final int SESSION_TIMEOUT_MILLIS = 6_000;
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @TempDir
    Path dir;

    @Test
    void twoWorkersOneKilledMidBatchRecordEveryPublishedFileExactlyOnce() throws Exception {
        emptyDatabase();
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: the group coordinator's offsets topic cannot have the default 3 replicas,
                // and one partition of it is made faster than the default 50 on a busy machine.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                // Consumers join the group at once instead of after the default 3 s of waiting for more.
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            String brokers = kafka.bootstrapServers();
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
                String source = "kafka:" + brokers + "/" + TOPIC + "?sessionTimeoutMs=" + SESSION_TIMEOUT_MILLIS
                        + "&heartbeatIntervalMs=1000";

                Process a = serve("a", source + "&clientId=worker-a");
                Process b = serve("b", source + "&clientId=worker-b");
                // Both workers in the group, every partition assigned, before anything is published: the
                // batch is then shared from the first message.
                await(() -> assigned(admin) == PARTITIONS, List.of(a, b), "both workers hold the topic's partitions");

                Map<String, byte[]> batch = batch();
                // Published in two halves: the second lands while both workers are busy with the first,
                // and worker a is killed as soon as it has begun on it, so that it dies with work left.
                Map<String, byte[]> first = new LinkedHashMap<>();
                Map<String, byte[]> second = new LinkedHashMap<>();
                int half = batch.size() / 2;
                for (Map.Entry<String, byte[]> e : batch.entrySet()) (first.size() < half ? first : second).put(e.getKey(), e.getValue());
                submit(brokers, "outbox-1", first);
                // One message whose content is not the digest it declares (damaged on the way): refused with its reason.
                byte[] damaged = "第三方改动过的内容".getBytes(StandardCharsets.UTF_8);
                sendRaw(brokers, "damaged.txt", damaged, "0".repeat(64));

                Map<String, String> expected = new HashMap<>(); // SHA-256 → the first name it was sent under
                for (Map.Entry<String, byte[]> e : batch.entrySet()) expected.putIfAbsent(Intake.sha256(e.getValue()), e.getKey());
                expected.put(Intake.sha256(damaged), "damaged.txt");

                await(() -> intakeLines("a") >= DONE_EACH_BEFORE_KILL && intakeLines("b") >= DONE_EACH_BEFORE_KILL,
                        List.of(a, b), "both workers recording");
                submit(brokers, "outbox-2", second);
                int beforeSecond = intakeLines("a");
                await(() -> intakeLines("a") > beforeSecond, List.of(a, b), "worker a working through the second half");
                List<TopicPartition> ofA = partitionsOf(admin, "worker-a");
                a.destroyForcibly(); // SIGKILL
                assertTrue(a.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS));
                int atKill = rowsBySha().values().stream().mapToInt(Integer::intValue).sum();
                // What the dead worker had not acknowledged in its partitions: the living one must take it over.
                long leftByA = unacknowledged(admin, ofA);
                System.out.println("kill -9 of worker a (partitions " + ofA + ") with " + atKill + " of " + expected.size()
                        + " contents recorded and " + leftByA + " messages of its partitions not acknowledged");
                assertTrue(leftByA > 0, "killed with work left in its partitions");

                long afterKill = System.nanoTime();
                await(() -> allCommitted(admin), List.of(b), "every offset of the topic committed");
                System.out.println("kill → every offset committed by worker b: " + (System.nanoTime() - afterKill) / 1_000_000 + " ms");
                b.destroy();
                assertTrue(b.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "worker b stops on SIGTERM");
                Files.readAllLines(log("b")).stream().filter(l -> l.contains("跳过")).forEach(System.out::println);

                Map<String, Integer> rows = rowsBySha();
                assertEquals(expected.keySet(), rows.keySet(), "every published content is recorded, nothing else");
                rows.forEach((sha, n) -> assertEquals(1, n, expected.get(sha) + " is recorded exactly once"));
                Map<String, String> failed = failedReasons();
                assertEquals(java.util.Set.of("bad-empty.txt", "bad-scan.pdf", "damaged.txt"), failed.keySet(),
                        "the unreadable files are recorded as failed");
                failed.forEach((name, reason) -> assertTrue(CHINESE.matcher(reason).find(), name + ": " + reason));
                assertTrue(failed.get("damaged.txt").contains("SHA-256"), failed.get("damaged.txt"));
                assertEquals(List.of("经办甲"), submitters(), "the submitter travels with the file");
            }
        }
    }

    /** ~60 files: corpus texts, distinct variants of them, one exact resubmission and two unreadable files. */
    private static Map<String, byte[]> batch() throws IOException {
        Map<String, byte[]> batch = new LinkedHashMap<>();
        List<Path> corpus = Corpus.goldenTextInputs();
        Assumptions.assumeFalse(corpus.isEmpty(), "no corpus text reports");
        for (Path p : corpus) batch.put(p.getFileName().toString(), Files.readAllBytes(p));
        for (int i = 0; i < VARIANTS; i++) {
            Path p = corpus.get(i % corpus.size());
            String text = Files.readString(p, StandardCharsets.UTF_8) + "\n附：第 " + (i + 1) + " 份补报材料。\n";
            batch.put("variant-" + (i + 1) + "-" + p.getFileName(), text.getBytes(StandardCharsets.UTF_8));
        }
        // The same bytes sent again under another name: recorded once (the key, its SHA-256, puts it on the same partition).
        batch.put("z-resubmitted.txt", Files.readAllBytes(corpus.get(0)));
        batch.put("bad-empty.txt", new byte[0]);
        batch.put("bad-scan.pdf", new byte[] {0x25, 0x50, 0x44, 0x46, 0x00, 0x13, 0x37, (byte) 0xFE});
        return batch;
    }

    /** Publishes files as a user does, with {@code jixiao submit --to kafka:…} on a folder. */
    private void submit(String brokers, String folder, Map<String, byte[]> files) throws IOException {
        Path outbox = Files.createDirectories(dir.resolve(folder));
        for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(outbox.resolve(e.getKey()), e.getValue());
        var out = new java.io.StringWriter();
        int status = JixiaoCommand.run(new String[] {"submit", "--to", "kafka:" + brokers + "/" + TOPIC, "--submitter", "经办甲",
                outbox.toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, status, out.toString());
        assertTrue(out.toString().contains("共发送 " + files.size() + " 个文件"), out.toString());
    }

    private static void sendRaw(String brokers, String name, byte[] body, String declaredSha) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, declaredSha, body);
            r.headers().add(KafkaSource.NAME_HEADER, name.getBytes(StandardCharsets.UTF_8));
            r.headers().add(KafkaSource.SHA256_HEADER, declaredSha.getBytes(StandardCharsets.UTF_8));
            r.headers().add(KafkaSource.SUBMITTER_HEADER, "经办甲".getBytes(StandardCharsets.UTF_8));
            // A header naming the intake's own (where to store the file): must be ignored.
            r.headers().add(IntakeHeaders.STORED_PATH, "/tmp/x".getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    private Process serve(String name, String source) throws IOException {
        Files.writeString(log(name), "");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx384m", "-Dorg.slf4j.simpleLogger.log.org.jixiao.route=info", "-Dorg.slf4j.simpleLogger.log.org.apache.camel.component.kafka=info",
                "-cp", System.getProperty("java.class.path"),
                "org.jixiao.cli.JixiaoCommand", "serve", "--data", dir.resolve("worker-" + name).toString(),
                "--port", "0", "--threads", Integer.toString(THREADS_PER_WORKER), "--workers", "1",
                "--store", URL, "--source", source));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("worker-" + name + ".out").toFile())
                .redirectError(log(name).toFile());
        pb.environment().put("JIXIAO_DB_USER", USER);
        pb.environment().put("JIXIAO_DB_PASSWORD", PASSWORD);
        return pb.start();
    }

    private Path log(String name) {
        return dir.resolve("worker-" + name + ".err");
    }

    /** Submissions a worker has ended so far (checked, failed, or skipped as recorded), from its log. */
    private int intakeLines(String name) {
        try {
            return (int) Files.readAllLines(log(name)).stream()
                    .filter(l -> l.contains("已检查 ") || l.contains("无法检查 ") || l.contains("跳过 ")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Partitions of the topic held by a member of the workers' group. */
    private static int assigned(Admin admin) {
        try {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
            return g.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
        } catch (Exception e) {
            return 0; // the group does not exist yet
        }
    }

    /** The partitions held by one worker's consumers (each worker names its client id). */
    private static List<TopicPartition> partitionsOf(Admin admin, String clientId) throws Exception {
        ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
        return g.members().stream().filter(m -> m.clientId().equals(clientId))
                .flatMap(m -> m.assignment().topicPartitions().stream()).toList();
    }

    /** The group's committed offset is the end of every partition: each message acknowledged. */
    private static boolean allCommitted(Admin admin) {
        List<TopicPartition> all = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) all.add(new TopicPartition(TOPIC, i));
        try {
            return unacknowledged(admin, all) == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Messages of these partitions after the group's committed offset. */
    private static long unacknowledged(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition p : partitions) latest.put(p, OffsetSpec.latest());
        long left = 0;
        for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            left += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return left;
    }

    private void await(BooleanSupplier condition, List<Process> workers, String what) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            for (Process p : workers) {
                if (!p.isAlive()) {
                    throw new AssertionError(what + ": a worker exited (" + p.exitValue() + ")\n"
                            + Files.readString(log("a")) + Files.readString(log("b")));
                }
            }
            if (System.nanoTime() > deadline) {
                workers.forEach(Process::destroyForcibly);
                throw new AssertionError("timed out waiting for: " + what + "\n" + Files.readString(log("a")) + Files.readString(log("b")));
            }
            Thread.sleep(POLL_MILLIS); // other processes and a broker: nothing to be notified by
        }
    }

    private static void emptyDatabase() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            String reason = "没有可用的 PostgreSQL 数据库（" + URL + "）：" + e.getMessage();
            if (System.getenv("JIXIAO_REQUIRE_POSTGRES") != null) throw new AssertionError(reason, e);
            Assumptions.abort(reason);
        }
    }

    private static Map<String, Integer> rowsBySha() {
        return query("SELECT sha256, COUNT(*) FROM submission GROUP BY sha256", r -> Map.entry(r.getString(1), r.getInt(2)));
    }

    private static Map<String, String> failedReasons() {
        return query("SELECT file_name, reason FROM submission WHERE outcome = 'FAILED'", r -> Map.entry(r.getString(1), r.getString(2)));
    }

    private static List<String> submitters() {
        return List.copyOf(query("SELECT DISTINCT submitter, 1 FROM submission", r -> Map.entry(r.getString(1), "")).keySet());
    }

    private interface Row<V> {
        Map.Entry<String, V> read(ResultSet r) throws SQLException;
    }

    private static <V> Map<String, V> query(String sql, Row<V> row) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            Map<String, V> out = new HashMap<>();
            while (r.next()) {
                var e = row.read(r);
                out.put(e.getKey(), e.getValue());
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}

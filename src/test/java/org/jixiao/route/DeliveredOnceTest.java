package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jixiao.index.SearchLocation;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.SubmissionOutcome;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.pipeline.Corpus;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreSettings;
import org.jixiao.store.StoreUnavailableException;
import org.jixiao.store.SubmissionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the intake does with a delivery from a queue (as {@link KafkaSource} marks it), one step at a
 * time and without a broker: a store that cannot be written fails the exchange with nothing kept on
 * the worker (the queue then delivers it again), the next delivery records it, and a delivery of a
 * content already recorded is acknowledged without anything written. The Kafka side — commit only
 * when the exchange completed — is {@code KafkaIntakeTest}'s.
 */
class DeliveredOnceTest {

    private static final String QUEUE = "direct:queue";

    @TempDir
    Path data;

    @Test
    void aDeliveryIsRecordedOnceAndNeverLostWhenTheStoreIsDown() throws Exception {
        DataFolders folders = DataFolders.under(data);
        folders.create();
        Mappings mappings = Mappings.bundled();
        AtomicInteger storeFailures = new AtomicInteger(1);
        try (JdbcStore real = JdbcStore.open(StoreSettings.embedded(data));
             LiveIndex index = LiveIndex.open(() -> SearchLocation.lucene(folders.index()).openWriter(new RegionResolver(mappings)))) {
            StoreOfRecord flaky = failingOnce(real, storeFailures);
            Intake intake = new Intake(folders, new Pipeline(mappings), ContentRegistry.load(folders), index,
                    1024 * 1024, new StorageGuard(folders, 1024 * 1024), flaky);
            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(IntakeRoutes.errorHandling(intake));
            camel.addRoutes(new IntakeRoutes(QUEUE, intake, 1));
            camel.start();
            try (ProducerTemplate queue = camel.createProducerTemplate()) {
                byte[] report = Files.readAllBytes(Corpus.goldenTextInputs().get(0));
                String sha = Intake.sha256(report);

                // The database is down when the report is to be recorded: the exchange fails, nothing is kept.
                Exchange first = deliver(queue, "report.txt", report, sha);
                assertTrue(first.getException() instanceof StorageUnavailableException, String.valueOf(first.getException()));
                assertTrue(first.getException().getMessage().contains("消息留在队列中"), first.getException().getMessage());
                assertFalse(real.recorded(sha));
                assertFalse(Files.exists(folders.done().resolve("report.txt" + DataFolders.REPORT_SUFFIX)), "nothing on the worker");

                // Delivered again: checked and recorded, under the same name (the first claim was given up).
                Exchange second = deliver(queue, "report.txt", report, sha);
                assertEquals(null, second.getException());
                assertEquals(IntakeHeaders.Outcome.CHECKED.name(), second.getMessage().getHeader(IntakeHeaders.OUTCOME));
                assertTrue(Files.exists(folders.done().resolve("report.txt" + DataFolders.REPORT_SUFFIX)));
                assertEquals("经办甲", real.findChecked(sha).orElseThrow().submitter());

                // And again (the worker died before acknowledging it): acknowledged, nothing written.
                Exchange third = deliver(queue, "again.txt", report, sha);
                assertEquals(null, third.getException());
                assertEquals(IntakeHeaders.Outcome.ALREADY_RECORDED.name(), third.getMessage().getHeader(IntakeHeaders.OUTCOME));
                assertFalse(Files.exists(folders.done().resolve("again.txt")), "no copy on the worker either");

                // Failures are recorded once too, with their Chinese reason; a damaged message is one.
                assertEquals(null, deliver(queue, "empty.txt", new byte[0], null).getException());
                assertEquals(IntakeHeaders.Outcome.ALREADY_RECORDED.name(),
                        deliver(queue, "empty-2.txt", new byte[0], null).getMessage().getHeader(IntakeHeaders.OUTCOME));
                byte[] damaged = "传输中被改动的内容".getBytes(StandardCharsets.UTF_8);
                Exchange bad = deliver(queue, "damaged.txt", damaged, sha);
                assertEquals(IntakeHeaders.Outcome.UNREADABLE.name(), bad.getMessage().getHeader(IntakeHeaders.OUTCOME));
                assertTrue(bad.getMessage().getHeader(IntakeHeaders.FAILURE, String.class).contains("SHA-256"));

                var all = real.list(SubmissionQuery.ALL);
                assertEquals(3, all.size(), all.toString());
                assertEquals(1, all.stream().filter(s -> s.outcome() == SubmissionOutcome.CHECKED).count());
                assertEquals(2, all.stream().filter(s -> s.outcome() == SubmissionOutcome.FAILED).count());
                assertEquals(0, storeFailures.get(), "the store failed exactly once");
            } finally {
                camel.close();
            }
        }
    }

    /** As {@link KafkaSource#take} leaves a message: the delivery mark, the declared digest, name and submitter. */
    private static Exchange deliver(ProducerTemplate queue, String name, byte[] body, String declaredSha) {
        return queue.send(QUEUE, e -> {
            e.setProperty(IntakeHeaders.DELIVERY, Boolean.TRUE);
            if (declaredSha != null) e.setProperty(IntakeHeaders.DECLARED_SHA256, declaredSha);
            e.getMessage().setHeader(IntakeHeaders.FILE_NAME, name);
            e.getMessage().setHeader(IntakeHeaders.SUBMITTER, "经办甲");
            e.getMessage().setBody(body);
        });
    }

    /** The store, whose record-once view fails the first {@code failures} writes as a database that went away would. */
    private static StoreOfRecord failingOnce(StoreOfRecord real, AtomicInteger failures) {
        StoreOfRecord once = real.once();
        StoreOfRecord flakyOnce = proxy((m, args) -> {
            if (m.getName().startsWith("record") && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StoreUnavailableException("读写数据库时出错（连接已断开）", null);
            }
            return m.invoke(once, args);
        });
        return proxy((m, args) -> m.getName().equals("once") ? flakyOnce : m.invoke(real, args));
    }

    private interface Call {
        Object invoke(Method m, Object[] args) throws Exception;
    }

    private static StoreOfRecord proxy(Call call) {
        return (StoreOfRecord) Proxy.newProxyInstance(StoreOfRecord.class.getClassLoader(), new Class<?>[] {StoreOfRecord.class},
                (p, m, args) -> {
                    try {
                        return call.invoke(m, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package org.jixiao.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.jixiao.ingest.UnreadableInputException;

/**
 * The intake routes: {@value #INBOX_ROUTE} takes submissions from the source endpoint and hands
 * them to a bounded pool of workers (from a Kafka topic: checks them on the consumer's own thread,
 * {@link KafkaSource}); {@value #CHECK} (also used by uploads) claims, checks, stores
 * and indexes one submission. Errors are handled in one place, the route configuration
 * {@value #ERRORS}: I/O errors are retried {@value #IO_RETRIES} times, unreadable input and bugs
 * not at all, and every failure ends in failed/ with its reason — unless the disk is full
 * ({@link StorageGuard}): then nothing is recorded and the file stays where it came from.
 */
public final class IntakeRoutes extends RouteBuilder {

    public static final String CHECK = "direct:check";
    public static final String INBOX_ROUTE = "inbox";
    public static final String CHECK_ROUTE = "check";
    public static final String ERRORS = "intake-errors";
    /** Retries of a step that failed on I/O (a share briefly away, a file still locked by a scanner). */
    static final int IO_RETRIES = 3;
    static final Duration IO_RETRY_DELAY = Duration.ofMillis(200);
    /** Submissions waiting for a worker before the source is made to wait (back-pressure, bounded memory). */
    static final int QUEUE_PER_WORKER = 4;

    private final String sourceUri;
    private final Intake intake;
    private final int workers;

    public IntakeRoutes(String sourceUri, Intake intake, int workers) {
        this.sourceUri = sourceUri;
        this.intake = intake;
        this.workers = workers;
    }

    /** The error handling of the intake, in one place. */
    public static RouteConfigurationBuilder errorHandling(Intake intake) {
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(ERRORS)
                        // The disk is full: nothing is recorded, the exchange fails and the file stays
                        // in the inbox (an upload is answered 503) until the service resumes.
                        .onException(StorageUnavailableException.class)
                            .handled(false).maximumRedeliveries(0)
                            .logStackTrace(false).logExhausted(false).logHandled(false)
                        .end()
                        .onException(UnreadableInputException.class)
                            .handled(true).maximumRedeliveries(0)
                            .process(intake::recordFailure)
                        .end()
                        .onException(IOException.class, UncheckedIOException.class)
                            .handled(true).maximumRedeliveries(IO_RETRIES).redeliveryDelay(IO_RETRY_DELAY.toMillis())
                            .process(intake::recordFailure)
                        .end()
                        .onException(Exception.class)
                            .handled(true).maximumRedeliveries(0)
                            .process(intake::recordFailure)
                        .end();
            }
        };
    }

    @Override
    public void configure() {
        if (KafkaSource.is(sourceUri)) {
            // No hand-off to a pool: a message's offset may be committed only by the consumer thread that
            // took it, after its exchange completed. The topic's partitions are shared by the consumers
            // (consumersCount, one per --threads) of every worker in the group instead.
            from(sourceUri).routeId(INBOX_ROUTE).routeConfigurationId(ERRORS)
                    .process(KafkaSource::take)
                    .to(CHECK);
        } else {
            from(sourceUri).routeId(INBOX_ROUTE).routeConfigurationId(ERRORS)
                    .threads(workers, workers).maxQueueSize(workers * QUEUE_PER_WORKER)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).threadName("jixiao-check")
                    .to(CHECK);
        }

        from(CHECK).routeId(CHECK_ROUTE).routeConfigurationId(ERRORS)
                .process(intake::receive)
                .process(intake::claim)
                .choice()
                    .when(Intake::isAlreadyRecorded).process(intake::skip)
                    .when(Intake::isDuplicate).process(intake::recordDuplicate)
                    .otherwise()
                        .process(intake::check)
                        .process(intake::store)
                .end();
    }
}

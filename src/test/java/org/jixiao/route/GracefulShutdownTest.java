package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.jixiao.pipeline.Corpus;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.ServerSettings;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the service mid-batch (what SIGTERM does) finishes the files being checked and leaves the rest in the inbox. */
class GracefulShutdownTest {

    private static final int FILES = 36;
    /** Files per poll of the inbox: small, so that a stop finds most of the batch not yet taken. */
    private static final int FILES_PER_POLL = 2;
    private static final long ROUTE_TIMEOUT_SECONDS = 60;

    @TempDir
    Path data;

    @Test
    void stopMidBatchLeavesEveryFileEitherFinishedOrStillInTheInbox() throws Exception {
        DataFolders folders = DataFolders.under(data);
        // The source is configuration: the same inbox, taken two files at a time.
        ServerSettings settings = ServerSettings.defaults(folders)
                .withSourceUri("file:" + folders.inbox() + "?maxMessagesPerPoll=" + FILES_PER_POLL);
        JixiaoServer server = TestServer.start(settings);
        List<Path> corpus = Corpus.goldenInputs();
        List<String> names = new ArrayList<>();
        NotifyBuilder someDone = InboxNotifications.whenDone(server.camel(), 3);
        for (int i = 0; i < FILES; i++) {
            Path p = corpus.get(i % corpus.size());
            String name = "batch-" + i + ".txt";
            Files.writeString(folders.inbox().resolve(name),
                    Files.readString(p, StandardCharsets.UTF_8) + "\n附：停机测试第 " + i + " 份。\n", StandardCharsets.UTF_8);
            names.add(name);
        }
        assertTrue(someDone.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        server.close();

        int finished = 0;
        for (String name : names) {
            boolean inbox = Files.exists(folders.inbox().resolve(name));
            boolean done = Files.exists(folders.done().resolve(name));
            assertTrue(inbox ^ done, name + " is either finished or back in the inbox, never both, never lost");
            if (done) {
                assertTrue(Files.exists(folders.done().resolve(name + DataFolders.REPORT_SUFFIX)), name + " has its JSON");
                finished++;
            }
        }
        System.out.println("stopped with " + finished + " of " + FILES + " finished, the rest in the inbox");
        assertTrue(finished < FILES, "stopped mid-batch");

        JixiaoServer again = TestServer.start(settings);
        try {
            NotifyBuilder rest = InboxNotifications.whenDone(again.camel(), FILES - finished);
            assertTrue(rest.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } finally {
            again.close();
        }
        for (String name : names) {
            assertTrue(Files.exists(folders.done().resolve(name + DataFolders.REPORT_SUFFIX)), name);
        }
        assertEquals(0, TestServer.names(folders.inbox()).stream().filter(n -> !n.endsWith(".camelLock")).count());
    }
}

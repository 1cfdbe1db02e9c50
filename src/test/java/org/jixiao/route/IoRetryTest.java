package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.jixiao.pipeline.Corpus;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O errors are retried a bounded number of times and then end in failed/; bad input is not retried. */
class IoRetryTest {

    @TempDir
    Path data;

    @Test
    void aReportThatCannotBeStoredIsRetriedThenFailedAndBadInputIsNotRetried() throws Exception {
        DataFolders folders = DataFolders.under(data);
        JixiaoServer server = TestServer.start(folders);
        try {
            // done/ turns into a file: every write of a report JSON fails with an I/O error.
            Files.delete(folders.done());
            Files.writeString(folders.done(), "not a folder");
            NotifyBuilder done = InboxNotifications.whenDone(server.camel(), 2);
            Files.copy(Corpus.goldenInputs().get(0), folders.inbox().resolve("report.txt"));
            Files.write(folders.inbox().resolve("empty.txt"), new byte[0]);
            assertTrue(done.matches(60, TimeUnit.SECONDS));

            String io = Files.readString(folders.failed().resolve("report.txt" + DataFolders.ERROR_SUFFIX), StandardCharsets.UTF_8);
            assertTrue(io.contains("重试 " + IntakeRoutes.IO_RETRIES + " 次后仍未成功"), io);
            assertTrue(Files.exists(folders.failed().resolve("report.txt")), "the file itself is kept in failed/");
            String bad = Files.readString(folders.failed().resolve("empty.txt" + DataFolders.ERROR_SUFFIX), StandardCharsets.UTF_8);
            assertFalse(bad.contains("重试"), bad);
        } finally {
            server.close();
        }
    }
}

package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.builder.NotifyBuilder;
import org.jixiao.index.SearchRequest;
import org.jixiao.pipeline.Corpus;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** done/ is the record of truth: reports the index lost are added again at start. */
class IndexReconciliationTest {

    private static final int REPORTS = 3;

    @TempDir
    Path data;

    @Test
    void reportsMissingFromTheIndexAreAddedAgainAtStart() throws Exception {
        DataFolders folders = DataFolders.under(data);
        JixiaoServer server = TestServer.start(folders);
        List<String> ids = new ArrayList<>();
        NotifyBuilder done = InboxNotifications.whenDone(server.camel(), REPORTS);
        for (Path p : Corpus.goldenInputs().subList(0, REPORTS)) {
            ids.add(Intake.sha256(Files.readAllBytes(p)));
            Files.copy(p, folders.inbox().resolve(p.getFileName()));
        }
        assertTrue(done.matches(60, TimeUnit.SECONDS));
        server.close();

        // As if the process had died before its last commit: an index without these reports.
        try (Stream<Path> files = Files.walk(folders.index())) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folders.index())).forEach(p -> p.toFile().delete());
        }
        JixiaoServer again = TestServer.start(folders);
        try {
            for (String id : ids) assertTrue(again.index().contains(id), id + " is indexed again");
            assertFalse(again.index().search(SearchRequest.text(null).withLimit(100)).hits().isEmpty(), "and searchable");
        } finally {
            again.close();
        }
    }
}

package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreSettings;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's index follows the store of record: reports recorded there while the service was
 * not running (checked by the CLI into a data folder whose index another process held) are in the
 * index as soon as the service has started, in the order they were recorded.
 */
class IndexCatchUpTest {

    static final Path FIRST = Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt");

    @TempDir
    Path root;

    @Test
    void reportsRecordedWhileTheServiceWasDownAreIndexedByTheTimeItHasStarted() throws Exception {
        Path data = root.resolve("data");
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        Report v1 = pipeline.process(FIRST);
        // A changed resubmission of the same project: recorded later, so it must end current.
        byte[] changed = Files.readString(FIRST).replace("98.42", "98.40").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Report v2 = pipeline.process("qingdao-resubmitted.txt", changed);
        assertFalse(v1.source().sha256().equals(v2.source().sha256()));
        try (StoreOfRecord store = JdbcStore.open(StoreSettings.embedded(data))) {
            store.recordChecked(v1, ReportJson.write(v1), Files.readAllBytes(FIRST), "命令行", Instant.now());
            store.recordChecked(v2, ReportJson.write(v2), changed, "命令行", Instant.now());
        }
        try (JixiaoServer server = TestServer.start(DataFolders.under(data))) {
            assertTrue(server.index().contains(v1.source().sha256()));
            assertTrue(server.index().contains(v2.source().sha256()));
            List<SearchResult.Hit> reports = server.index().search(SearchRequest.text(null).withHistory(true).withLimit(500))
                    .hits().stream().filter(h -> "report".equals(h.type())).toList();
            assertEquals(2, reports.size(), reports.toString());
            assertEquals(List.of(v2.source().sha256()), reports.stream().filter(SearchResult.Hit::current).map(SearchResult.Hit::sha256).toList(),
                    "the later recorded version is current");
            assertEquals(List.of(v2.source().sha256(), v1.source().sha256()),
                    server.index().history(v1.source().sha256()).stream().map(SearchResult.Hit::sha256).toList());
        }
    }
}

package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.output.ReportJson;
import org.jixiao.route.DataFolders;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.ServerSettings;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index is a view of the store of record: a real {@code check --data DIR} process, run while
 * the service holds DIR's index, records the report in the database and leaves the index to the
 * service, which adds it from the database; the report is then found by the web search and opens.
 */
class CheckWhileServingTest {

    /** Longest wait for the service to catch up: its poll interval and a commit, with room for a slow machine. */
    static final Duration CATCH_UP_DEADLINE = Duration.ofSeconds(30);
    static final Duration CHECK_TIMEOUT = Duration.ofMinutes(3);
    static final Duration POLL_PAUSE = Duration.ofMillis(100);

    @TempDir
    Path root;

    @Test
    void aReportTheCliChecksWhileTheServiceRunsIsSearchableAndOpensWithinSeconds() throws Exception {
        Path data = root.resolve("data");
        String sha = FileIngestor.sha256(Files.readAllBytes(CheckIntoStoreTest.QINGDAO));
        try (JixiaoServer server = TestServer.start(ServerSettings.defaults(DataFolders.under(data)))) {
            HttpClient http = HttpClient.newHttpClient();
            String search = "http://127.0.0.1:" + server.port() + "/api/search?limit=200&region="
                    + URLEncoder.encode("青岛", StandardCharsets.UTF_8);
            assertFalse(found(http, search, sha), "not indexed before it is checked");

            Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), JixiaoCommand.class.getName(),
                    "check", CheckIntoStoreTest.QINGDAO.toString(), "--data", data.toString()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(check.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(check.getErrorStream()));
            assertTrue(check.waitFor(CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "check finishes");
            assertEquals(0, check.exitValue(), "checked and recorded, not refused: " + err.get());
            assertTrue(err.get().contains("正由运行中的服务（serve）使用") && err.get().contains("记入数据库"),
                    "says on stderr, in Chinese, that the service indexes it: " + err.get());
            assertTrue(out.get().contains("qingdao"), out.get());

            long checked = System.nanoTime();
            long deadline = checked + CATCH_UP_DEADLINE.toNanos();
            boolean searchable = false;
            while (!searchable && System.nanoTime() < deadline) {
                searchable = found(http, search, sha);
                if (!searchable) Thread.sleep(POLL_PAUSE.toMillis()); // a pause between polls, not a wait for the answer
            }
            double seconds = (System.nanoTime() - checked) / 1e9;
            assertTrue(searchable, "searchable within " + CATCH_UP_DEADLINE + " of the check");
            System.out.printf("searchable %.1f s after check --data ended%n", seconds);

            HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/reports/" + sha)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, report.statusCode(), "the search hit opens: " + report.body());
            assertEquals(sha, ReportJson.mapper().readTree(report.body()).path("source").path("sha256").asText());
        }
    }

    /** Whether the search answers a hit of the report {@code sha}. */
    private static boolean found(HttpClient http, String search, String sha) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(search)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode hit : ReportJson.mapper().readTree(r.body()).path("hits")) {
            if (sha.equals(hit.path("sha256").asText())) return true;
        }
        return false;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash leaves in scratch (data/tmp) is removed at the next start, and only what is the scratch's own. */
class ScratchCleanupTest {

    @TempDir
    Path data;

    @Test
    void partFilesAndUploadBodiesLeftByACrashAreRemovedAtStart() throws Exception {
        DataFolders folders = DataFolders.under(data);
        folders.create();
        // As kill -9 leaves them: an atomic write before its rename, two upload bodies of unanswered requests.
        Path part = folders.scratch().resolve("." + UUID.randomUUID() + ".part");
        Files.writeString(part, "{\"half\":");
        Path uploads = Files.createDirectories(folders.scratch().resolve("uploads"));
        Files.write(uploads.resolve(UUID.randomUUID().toString()), new byte[4096]);
        Files.write(uploads.resolve(UUID.randomUUID().toString()), new byte[10]);
        // Not ours to remove: a file someone keeps in tmp by hand.
        Path keep = folders.scratch().resolve("readme.txt");
        Files.writeString(keep, "留着");

        JixiaoServer server = TestServer.start(folders);
        try {
            assertFalse(Files.exists(part), ".part removed");
            assertEquals(List.of(), list(uploads), "upload bodies removed");
            assertTrue(Files.exists(keep));
            // Uploads still work afterwards (their folder is still there).
            org.jixiao.web.WebSession page = org.jixiao.web.WebSession.open(server.port());
            HttpResponse<String> r = page.http.send(page.withToken(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/reports")))
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\n会议纪要。\r\n--b--\r\n", StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(Files.exists(folders.failed().resolve("n.txt")));
            // Vert.x removes an upload's body when the response has ended, just after the client has it.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(BODY_REMOVAL_SECONDS);
            while (!list(uploads).isEmpty() && System.nanoTime() < deadline) Thread.sleep(POLL_MILLIS);
            assertEquals(List.of(), list(uploads), "an answered upload leaves nothing behind");
        } finally {
            server.close();
        }
    }

    /** How long the body of an answered upload may stay before it counts as left behind. */
    private static final int BODY_REMOVAL_SECONDS = 5;
    private static final int POLL_MILLIS = 20;

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}

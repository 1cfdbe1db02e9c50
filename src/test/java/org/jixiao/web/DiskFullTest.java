package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.jixiao.index.SearchRequest;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.DataFolders;
import org.jixiao.route.IntakeRoutes;
import org.jixiao.route.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a real disk that fills up (a small tmpfs, root only): it says DEGRADED with the
 * reason, leaves the inbox alone, refuses uploads with 503, records nothing without its reason, and
 * once the space is back resumes by itself, every file ending exactly once and searchable.
 */
class DiskFullTest {

    /** Largest upload: the service then wants 2 × 1 MB + 8 MB free, far less than the disk. */
    private static final long MAX_UPLOAD = 1024L * 1024;
    private static final int DISK_MB = 24;
    /** Room left on the full disk for the files dropped while degraded (a few KB each), below the minimum. */
    private static final long ROOM_FOR_DROPS = 512L * 1024;
    private static final long DEADLINE_MS = 60_000;
    /** How long the suspended intake is watched not to take anything: many polls and read-lock waits. */
    private static final long QUIET_SECONDS = 3;
    /** Files dropped just before the disk fills, made from this many corpus reports. */
    private static final int RACING_FILES = 30;
    private static final int RACING_SOURCES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFullDiskDegradesTheServiceWhichResumesByItselfWhenSpaceReturns() throws Exception {
        List<Path> inputs = Corpus.goldenTextInputs();
        List<Path> whileFull = inputs.subList(RACING_SOURCES, RACING_SOURCES + 3);
        Path uploaded = inputs.get(RACING_SOURCES + 3);
        // Many distinct files (the same reports, each with its own number of trailing blank lines),
        // so that the disk fills while some are being checked and stored.
        Map<String, byte[]> racing = new java.util.LinkedHashMap<>();
        for (int i = 0; i < RACING_FILES; i++) {
            Path source = inputs.get(i % RACING_SOURCES);
            racing.put("r" + i + "-" + source.getFileName(), (Files.readString(source) + "\n".repeat(i + 1)).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), DISK_MB)) {
            DataFolders folders = DataFolders.under(disk.root());
            JixiaoServer server = TestServer.start(ServerSettings.defaults(folders).withMaxUploadBytes(MAX_UPLOAD));
            try {
                assertEquals("UP", health(server).path("status").asText());

                // Files taken while the disk fills: each ends checked or stays in the inbox, never half-recorded.
                for (var e : racing.entrySet()) Files.write(folders.inbox().resolve(e.getKey()), e.getValue());
                waitFor("the first file is checked", () -> jsons(folders).size() >= 1);
                disk.fill();

                waitFor("health says DEGRADED", () -> "DEGRADED".equals(health(server).path("status").asText()));
                JsonNode degraded = health(server);
                assertTrue(degraded.path("reason").asText().contains("磁盘空间不足"), degraded.toString());
                waitFor("the intake is suspended",
                        () -> server.camel().getRouteController().getRouteStatus(IntakeRoutes.INBOX_ROUTE).isSuspended());

                System.out.println("when the intake stopped: " + jsons(folders).size() + " of " + racing.size()
                        + " checked, " + inbox(folders).size() + " left in the inbox");
                // Files dropped now are left alone: not taken, not moved, not changed.
                disk.leave(ROOM_FOR_DROPS);
                NotifyBuilder taken = new NotifyBuilder(server.camel()).fromRoute(IntakeRoutes.INBOX_ROUTE).whenReceived(1).create();
                for (Path p : whileFull) Files.copy(p, folders.inbox().resolve(p.getFileName()));
                HttpResponse<String> refused = upload(server, uploaded);
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                String error = JSON.readTree(refused.body()).path("error").asText();
                assertTrue(error.contains("磁盘空间不足"), error);
                assertFalse(taken.matches(QUIET_SECONDS, TimeUnit.SECONDS), "nothing is taken while the disk is full");
                for (Path p : whileFull) {
                    assertTrue(Arrays.equals(Files.readAllBytes(p), Files.readAllBytes(folders.inbox().resolve(p.getFileName()))),
                            p.getFileName() + " is still in the inbox as it was");
                }
                assertEveryFailureHasItsReason(folders);

                long freed = System.nanoTime();
                disk.free();
                waitFor("health says UP again", () -> "UP".equals(health(server).path("status").asText()));
                long recoveryMs = (System.nanoTime() - freed) / 1_000_000;
                System.out.println("disk full → space freed → UP again: " + recoveryMs + " ms");

                int expected = racing.size() + whileFull.size();
                waitFor("every dropped file is checked", () -> jsons(folders).size() == expected && inbox(folders).isEmpty());
                HttpResponse<String> accepted = upload(server, uploaded);
                assertEquals(201, accepted.statusCode(), accepted.body());

                // Exactly once each: one original and one JSON in done/, nothing in failed/, all searchable.
                Set<String> wanted = new HashSet<>();
                for (byte[] content : racing.values()) wanted.add(sha256(content));
                for (Path p : whileFull) wanted.add(sha256(p));
                wanted.add(sha256(uploaded));
                Map<String, Integer> originals = new HashMap<>();
                for (String name : TestServer.names(folders.done())) {
                    assertFalse(name.endsWith(DataFolders.DUPLICATE_SUFFIX), "no file is its own duplicate: " + name);
                    if (!name.endsWith(DataFolders.REPORT_SUFFIX)) originals.merge(sha256(folders.done().resolve(name)), 1, Integer::sum);
                }
                assertEquals(wanted, originals.keySet(), "every file's original in done/");
                originals.forEach((sha, n) -> assertEquals(1, n, "stored once: " + sha));
                assertEquals(wanted.size(), jsons(folders).size(), "one report JSON each");
                assertEquals(List.of(), TestServer.names(folders.failed()), "nothing failed");
                try (var left = Files.list(folders.scratch())) {
                    assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".part")).toList(),
                            "no half-written file is left in tmp/");
                }
                server.index().commit();
                Set<String> found = new HashSet<>();
                for (var hit : server.index().search(SearchRequest.text(null).withHistory(true).withLimit(1000)).hits()) found.add(hit.sha256());
                assertTrue(found.containsAll(wanted), "every report is searchable: " + found);
            } finally {
                server.close();
            }
        }
    }

    private static void assertEveryFailureHasItsReason(DataFolders folders) throws IOException {
        for (String name : TestServer.names(folders.failed())) {
            if (name.endsWith(DataFolders.ERROR_SUFFIX)) continue;
            assertTrue(Files.exists(folders.failed().resolve(name + DataFolders.ERROR_SUFFIX)), name + " is in failed/ without its reason");
        }
    }

    private JsonNode health(JixiaoServer server) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** An upload as the page makes it: with the session's CSRF token. */
    private HttpResponse<String> upload(JixiaoServer server, Path file) throws IOException, InterruptedException {
        return WebSession.open(server.port()).upload(file.getFileName().toString(), Files.readAllBytes(file));
    }

    private static List<String> jsons(DataFolders folders) throws IOException {
        List<String> out = new ArrayList<>();
        for (String n : TestServer.names(folders.done())) if (n.endsWith(DataFolders.REPORT_SUFFIX)) out.add(n);
        return out;
    }

    private static List<String> inbox(DataFolders folders) throws IOException {
        return TestServer.names(folders.inbox()).stream().filter(n -> !n.endsWith(".camelLock")).toList();
    }

    private static String sha256(Path p) throws IOException {
        return sha256(Files.readAllBytes(p));
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls a condition until it holds, failing after the deadline. */
    private static void waitFor(String what, Check check) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!check.holds()) {
            assertTrue(System.currentTimeMillis() < end, "timed out waiting until " + what);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

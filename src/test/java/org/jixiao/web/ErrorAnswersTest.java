package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error answer is JSON with a Chinese {@code error}, whichever layer gives it. */
class ErrorAnswersTest {

    @TempDir
    static Path root;
    static DataFolders folders;
    static JixiaoServer server;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        folders = DataFolders.under(root.resolve("data"));
        server = TestServer.start(folders);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON body whose error has Chinese in it. */
    private static void assertChineseProblem(int status, HttpResponse<String> r) throws Exception {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + " → " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                r.request().method() + " " + r.uri() + " → " + r.headers());
        JsonNode body = ReportJson.mapper().readTree(r.body());
        assertTrue(body.path("error").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                r.uri() + " → " + r.body());
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() throws Exception {
        assertChineseProblem(404, send("GET", "/no-such-page"));
        assertChineseProblem(404, send("GET", "/api/no-such"));
        assertChineseProblem(404, send("POST", "/api/no-such"));
        assertChineseProblem(405, send("POST", "/api/health"));
        assertChineseProblem(405, send("DELETE", "/api/reports"));
        assertChineseProblem(405, send("PUT", "/index.html"));
        HttpResponse<String> postHealth = send("POST", "/api/health");
        assertTrue(postHealth.headers().firstValue("Allow").orElse("").contains("GET"), postHealth.headers().toString());
    }

    @Test
    void headAndOptionsAreAnswered() throws Exception {
        RawHttp.Response head = RawHttp.send(server.port(), "HEAD /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, head.status(), head.head());
        assertEquals("", head.body(), "no body after the headers of a HEAD answer");
        assertEquals(200, send("HEAD", "/").statusCode());
        HttpResponse<String> options = send("OPTIONS", "/api/reports");
        assertTrue(options.statusCode() == 204 || options.statusCode() == 200, options.toString());
        String allow = options.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
        assertChineseProblem(404, send("OPTIONS", "/no-such-page"));
    }

    @Test
    void badlyEncodedQueriesAnswerJson() throws Exception {
        // java.net.URI refuses to build these: over a plain socket.
        for (String path : List.of("/api/search?q=%ZZ", "/api/reports?region=%E4%B8", "/api/health?x=%", "/api/search?q=%ZZ&year=2020")) {
            RawHttp.Response r = RawHttp.get(server.port(), path, "127.0.0.1");
            assertEquals(400, r.status(), path + " → " + r.head() + r.body());
            assertTrue(r.header("Content-Type").startsWith("application/json"), path + " → " + r.head());
            assertTrue(ReportJson.mapper().readTree(r.body()).path("error").asText().contains("编码"), path + " → " + r.body());
        }
    }

    @Test
    void twoFilesInOneUploadAreRefusedNotHalfTaken() throws Exception {
        Path report = Corpus.goldenTextInputs().stream()
                .filter(p -> p.getFileName().toString().startsWith("qingdao")).findFirst().orElseThrow();
        byte[] first = Files.readAllBytes(report);
        byte[] second = "第二份文件。\n".getBytes(StandardCharsets.UTF_8);
        String boundary = "jixiao-two";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object[] part : List.of(new Object[] {"a.txt", first}, new Object[] {"b.txt", second})) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + part[0]
                    + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes((byte[]) part[1]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        WebSession page = WebSession.open(server.port());
        HttpResponse<String> r = page.http.send(page.withToken(HttpRequest.newBuilder(uri("/api/reports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertChineseProblem(400, r);
        assertTrue(ReportJson.mapper().readTree(r.body()).path("error").asText().contains("一个文件"), r.body());
        assertFalse(Files.exists(folders.done().resolve("a.txt")), "neither file is taken silently");
        assertFalse(Files.exists(folders.done().resolve("b.txt")), "neither file is taken silently");
    }

    @Test
    void healthDoesNotCountCamelLockFilesAsWaitingReports() throws Exception {
        // The inbox consumer is polling: park files it will not take (hidden), plus the lock markers it writes.
        Files.writeString(folders.inbox().resolve(".stays-hidden.txt"), "x");
        Files.writeString(folders.inbox().resolve("report-being-read.txt.camelLock"), "");
        try {
            HttpResponse<String> health = send("GET", "/api/health");
            assertEquals(200, health.statusCode());
            JsonNode body = ReportJson.mapper().readTree(health.body());
            assertEquals(0, body.path("waiting").asInt(), health.body());
        } finally {
            Files.deleteIfExists(folders.inbox().resolve("report-being-read.txt.camelLock"));
        }
    }
}

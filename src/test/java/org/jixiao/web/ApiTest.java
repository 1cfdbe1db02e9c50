package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jixiao.model.FindingCode;
import org.jixiao.output.ReadState;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP (java.net.http) against the service on a free port. */
class ApiTest {

    /** Upload limit of the test server: above every corpus file, below the oversize test's file. */
    private static final long MAX_UPLOAD_BYTES = 256 * 1024;

    @TempDir
    static Path root;
    static DataFolders folders;
    static JixiaoServer server;
    static HttpClient http;
    static WebSession page;
    static Path corpusReport;

    @BeforeAll
    static void start() throws Exception {
        // The data folder sits one level down so that the test can see anything written beside it.
        folders = DataFolders.under(root.resolve("data"));
        server = TestServer.start(ServerSettings.defaults(folders).withMaxUploadBytes(MAX_UPLOAD_BYTES));
        page = WebSession.open(server.port());
        http = page.http;
        corpusReport = Corpus.goldenTextInputs().stream()
                .filter(p -> p.getFileName().toString().startsWith("qingdao")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) server.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        return page.upload(fileName, content);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().toString());
        return ReportJson.mapper().readTree(response.body());
    }

    private static Set<String> codes(JsonNode report) {
        Set<String> codes = new TreeSet<>();
        report.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void findingCodesServeTheWholeCatalogue() throws Exception {
        HttpResponse<String> response = get("/api/finding-codes");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        Set<String> served = new TreeSet<>();
        for (JsonNode c : body.path("codes")) {
            FindingCode code = FindingCode.of(c.path("code").asText());
            assertTrue(code != null, "served code in the catalogue: " + c);
            assertEquals(code.title(), c.path("title").asText());
            assertEquals(code.severity().name(), c.path("severity").asText());
            assertEquals(code.explanation(), c.path("explanation").asText());
            served.add(code.code());
        }
        Set<String> all = new TreeSet<>();
        for (FindingCode c : FindingCode.values()) all.add(c.code());
        assertEquals(all, served);
        assertTrue(served.containsAll(Set.of("NO_TEXT_LAYER", "GARBLED_TEXT", "UNREADABLE_PAGE", "SECTION_NOT_READ")));
        assertEquals("错误", body.path("severities").path("ERROR").asText());
        assertEquals("执行率", body.path("fields").path("executionRate").asText());
        assertEquals(ReadState.PARTLY_READ, body.path("partlyRead").asText());
    }

    @Test
    void uploadReturnsTheCheckedReportAndKeepsItFindableById() throws Exception {
        byte[] content = Files.readAllBytes(corpusReport);
        HttpResponse<String> response = upload(corpusReport.getFileName().toString(), content);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("CHECKED", body.path("outcome").asText());
        JsonNode expected = ReportJson.mapper().readTree(corpusReport.resolveSibling("expected.json").toFile());
        assertEquals(codes(expected), codes(body.path("report")), "findings as designed in expected.json");
        String id = body.path("id").asText();

        HttpResponse<String> byId = get("/api/reports/" + id);
        assertEquals(200, byId.statusCode());
        assertEquals(codes(expected), codes(json(byId)));
        assertEquals(id, json(byId).path("source").path("sha256").asText());

        HttpResponse<byte[]> original = http.send(HttpRequest.newBuilder(uri("/api/reports/" + id + "/original")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, original.statusCode());
        assertArrayEquals(content, original.body());
        assertTrue(original.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        HttpResponse<String> again = upload("renamed-copy.txt", content);
        assertEquals(200, again.statusCode());
        assertEquals("DUPLICATE", json(again).path("outcome").asText());
        assertEquals(corpusReport.getFileName().toString(), json(again).path("duplicateOf").asText());
        assertTrue(Files.exists(folders.done().resolve("renamed-copy.txt" + DataFolders.DUPLICATE_SUFFIX)));

        JsonNode listed = json(get("/api/reports?finding=TOTAL_SCORE_MISMATCH&year=2019"));
        assertTrue(listed.path("reports").findValuesAsText("id").contains(id), listed.toString());
        // A region includes the regions below it: the province of the report's city lists it.
        String province = expected.path("regionCode").asText().substring(0, 2) + "0000";
        assertTrue(json(get("/api/reports?region=" + province)).path("reports").findValuesAsText("id").contains(id));
        assertTrue(json(get("/api/reports?region=" + enc(expected.path("region").asText()))).path("reports").findValuesAsText("id").contains(id));
        assertFalse(json(get("/api/reports?region=110000")).path("reports").findValuesAsText("id").contains(id));
        JsonNode none = json(get("/api/reports?finding=TOTAL_SCORE_MISMATCH&year=2030..2031"));
        assertEquals(0, none.path("total").asInt());
    }

    @Test
    void searchFindsAnUploadedIndicatorWithTheCliSemantics() throws Exception {
        Path report = Corpus.goldenTextInputs().stream()
                .filter(p -> p.getFileName().toString().startsWith("kunshan")).findFirst().orElseThrow();
        HttpResponse<String> response = upload(report.getFileName().toString(), Files.readAllBytes(report));
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
        String id = json(response).path("id").asText();
        JsonNode indicator = json(response).path("report").path("indicators").get(0);
        server.index().nextCommit().get(5, TimeUnit.SECONDS);

        JsonNode result = json(get("/api/search?q=" + enc(indicator.path("name").asText()) + "&kind=TARGET_DECLARATION&limit=50"));
        assertTrue(result.path("total").asInt() >= 1, result.toString());
        boolean found = false;
        for (JsonNode hit : result.path("hits")) {
            if (id.equals(hit.path("sha256").asText()) && indicator.path("name").asText().equals(hit.path("name").asText())) found = true;
        }
        assertTrue(found, "the indicator row of the uploaded report is a hit");
        assertTrue(result.path("facets").size() > 0, "facet counts come with the hits");

        JsonNode other = json(get("/api/search?q=" + enc(indicator.path("name").asText()) + "&kind=SELF_EVALUATION&year=2022"));
        for (JsonNode hit : other.path("hits")) assertFalse(id.equals(hit.path("sha256").asText()), "kind filter applies");
    }

    @Test
    void badUploadsGetAChineseMessageAndAreKeptInFailed() throws Exception {
        HttpResponse<String> empty = upload("empty.txt", new byte[0]);
        assertEquals(422, empty.statusCode());
        assertTrue(json(empty).path("error").asText().contains("为空"), empty.body());
        assertTrue(Files.exists(folders.failed().resolve("empty.txt")));
        assertTrue(Files.exists(folders.failed().resolve("empty.txt" + DataFolders.ERROR_SUFFIX)));

        HttpResponse<String> notReport = upload("notice.txt", "关于做好节假日值班工作的通知。\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, notReport.statusCode());
        assertTrue(Files.exists(folders.failed().resolve("notice.txt")));

        // Starts like a PDF, but nothing after the header can be read.
        byte[] brokenPdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> pdf = upload("broken.pdf", brokenPdf);
        assertEquals(422, pdf.statusCode(), pdf.body());
        assertTrue(Files.exists(folders.failed().resolve("broken.pdf")));

        byte[] large = new byte[(int) MAX_UPLOAD_BYTES + 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        HttpResponse<String> tooLarge = upload("large.txt", large);
        assertEquals(413, tooLarge.statusCode());
        assertTrue(json(tooLarge).path("error").asText().contains("文件过大"), tooLarge.body());
        assertTrue(Files.exists(folders.failed().resolve("large.txt")));

        byte[] huge = new byte[(int) MAX_UPLOAD_BYTES * 3];
        HttpResponse<String> refused = upload("huge.txt", huge);
        assertEquals(413, refused.statusCode());
        assertTrue(json(refused).path("error").asText().contains("文件过大"), refused.body());

        HttpResponse<String> noFile = http.send(page.withToken(HttpRequest.newBuilder(uri("/api/reports")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noFile.statusCode());
        assertTrue(json(noFile).path("error").asText().contains("没有文件"));
    }

    @Test
    void hostileFileNamesNeverLeaveTheDataFolders() throws Exception {
        List<String> before = everything(root);
        byte[] notice = "会议纪要。\n".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("../../escape.txt", "/tmp/absolute-escape.txt", "..\\..\\windows-escape.txt",
                "%2e%2e%2fencoded-escape.txt", "....//dots-escape.txt", "..")) {
            HttpResponse<String> r = upload(name, notice);
            assertEquals(422, r.statusCode(), name + " → " + r.body());
            String stored = json(r).path("storedName").asText();
            assertFalse(stored.contains("/") || stored.contains("\\") || stored.startsWith("."), stored);
            assertTrue(Files.exists(folders.failed().resolve(stored)), name + " stored as failed/" + stored);
        }
        assertFalse(Files.exists(Path.of("/tmp/absolute-escape.txt")));
        for (String path : everything(root)) {
            if (!before.contains(path)) assertTrue(path.startsWith("data/"), "written outside the data folder: " + path);
        }
    }

    private static List<String> everything(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void parametersAreValidated() throws Exception {
        assertEquals(400, get("/api/reports/not-a-sha").statusCode());
        assertEquals(400, get("/api/reports/" + enc("../../etc/passwd")).statusCode());
        assertEquals(404, get("/api/reports/" + "0".repeat(64)).statusCode());
        assertEquals(400, get("/api/reports/" + enc("../../etc/passwd") + "/original").statusCode());
        assertEquals(404, get("/api/reports/" + "0".repeat(64) + "/original").statusCode());
        HttpResponse<String> unknown = get("/api/reports?path=/etc/passwd");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).path("error").asText().contains("未知的查询参数"));
        assertEquals(400, get("/api/reports?year=twenty").statusCode());
        assertEquals(400, get("/api/reports?finding=" + enc("<script>")).statusCode());
        assertEquals(400, get("/api/search?year=2022..2020").statusCode());
        assertEquals(400, get("/api/search?where=" + enc("executionRate<<90")).statusCode());
        assertEquals(400, get("/api/search?limit=0").statusCode());
        assertEquals(400, get("/api/search?q=" + "字".repeat(201)).statusCode());
        HttpResponse<String> health = get("/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", json(health).path("status").asText());
    }

    @Test
    void pagesAreServedFromAFixedListOnly() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(200, get("/search.js").statusCode());
        assertEquals(404, get("/simplelogger.properties").statusCode());
        assertEquals(404, get("/web/index.html").statusCode());
        HttpResponse<String> traversal = http.send(HttpRequest.newBuilder(uri("/%2e%2e/%2e%2e/etc/passwd")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, traversal.statusCode());
    }
}

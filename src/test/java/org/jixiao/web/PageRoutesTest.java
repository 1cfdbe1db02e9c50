package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jixiao.extract.pdf.PdfPages;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.model.Role;
import org.jixiao.model.Submission;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.DataFolders;
import org.jixiao.store.StoreOfRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original's pages on the running service: a PDF's page as a PNG (drawn once, then from the
 * cache under the data folder), where a finding's figure stands on it, a Chinese JSON 404 for a
 * page that is not there, a note instead of pages for a text original, nothing for anyone not
 * logged in, and no request value ever reaching a path.
 */
class PageRoutesTest {

    private static final Path FARMLAND = Path.of("corpus/changsha-county-2022-self-eval-farmland/changsha-county-2022-self-eval-farmland.pdf");
    private static final Path TEXT = Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt");
    private static final String PASSWORD = "经办员的长密码2026";

    @TempDir
    static Path root;
    static JixiaoServer server;
    static Submission pdf;
    static Submission text;
    static Submission noOriginal;
    static WebSession clerk;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(ServerSettings.defaults(DataFolders.under(root.resolve("data")))
                .withAccess(ServerSettings.Access.LOGIN));
        StoreOfRecord store = server.store();
        store.addUser("jingban", Role.CLERK, PASSWORD.toCharArray(), StoreOfRecord.SYSTEM);
        Pipeline pipeline = new Pipeline(Mappings.bundled());
        Report farmland = pipeline.process(FARMLAND);
        pdf = store.recordChecked(farmland, ReportJson.write(farmland), Files.readAllBytes(FARMLAND), "经办甲", Instant.now());
        Report qingdao = pipeline.process(TEXT);
        text = store.recordChecked(qingdao, ReportJson.write(qingdao), Files.readAllBytes(TEXT), "经办甲", Instant.now());
        // A report recorded without its file (the store allows it): nothing to show.
        Report elsewhere = pipeline.process(Path.of("corpus/suzhou-2021-self-eval-mof/suzhou-2021-self-eval-mof.txt"));
        noOriginal = store.recordChecked(elsewhere, ReportJson.write(elsewhere), null, "经办甲", Instant.now());
        // Any logged-in user may see what /original gives them: the clerk's role is enough.
        clerk = WebSession.login(server.port(), "jingban", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return WebSession.json(r);
    }

    private static HttpResponse<byte[]> bytes(WebSession s, String path) throws Exception {
        return s.http.send(HttpRequest.newBuilder(s.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPdfPageIsAPngOfTheExpectedSizeDrawnOnceAndCached() throws Exception {
        JsonNode count = json(clerk.get("/api/submissions/" + pdf.id() + "/pages"));
        assertEquals(2, count.path("pages").asInt());
        assertEquals(PdfPages.DPI, count.path("dpi").asInt());

        HttpResponse<byte[]> page = bytes(clerk, "/api/submissions/" + pdf.id() + "/pages/1");
        assertEquals(200, page.statusCode());
        assertEquals("image/png", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.body()));
        // The corpus page is US Letter (612 × 792 pt): 1020 × 1320 pixels at 120 dpi.
        assertEquals(612 * PdfPages.DPI / 72, image.getWidth());
        assertEquals(792 * PdfPages.DPI / 72, image.getHeight());

        Path cached = root.resolve("data").resolve(PageRoutes.CACHE_FOLDER).resolve(pdf.sha256()).resolve("1-" + PdfPages.DPI + "dpi.png");
        assertTrue(Files.isRegularFile(cached), "kept under the data folder, named by the store's digest");
        assertTrue(java.util.Arrays.equals(page.body(), Files.readAllBytes(cached)));
        // Served from the cache: a changed cache file is what comes back (nothing drawn again).
        byte[] marker = page.body().clone();
        marker[marker.length - 1] ^= 1;
        Files.write(cached, marker);
        assertTrue(java.util.Arrays.equals(marker, bytes(clerk, "/api/submissions/" + pdf.id() + "/pages/1").body()));
        Files.write(cached, page.body());
    }

    @Test
    void theFindingsFigureIsLocatedOnItsPage() throws Exception {
        // EXECUTION_RATE_MISMATCH: 101.63 reported on page 1 (the 执行率 column of the table, and the prose).
        JsonNode found = json(clerk.get("/api/submissions/" + pdf.id() + "/highlights?page=1&figure=101.63&label="
                + java.net.URLEncoder.encode("执行率", java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(1, found.path("page").asInt());
        assertTrue(found.path("textLayer").asBoolean());
        JsonNode first = found.path("boxes").get(0);
        assertEquals("figure", first.path("kind").asText());
        assertEquals("101.63%", first.path("text").asText());
        for (String side : List.of("x", "y", "width", "height")) {
            double v = first.path(side).asDouble();
            assertTrue(v > 0 && v < 1, side + " is a share of the page: " + v);
        }
        // Read from the table (row 6, column 7): the table's cell at the page's foot comes first.
        JsonNode cell = json(clerk.get("/api/submissions/" + pdf.id() + "/highlights?page=1&figure=101.63&in=table"));
        assertTrue(cell.path("boxes").get(0).path("y").asDouble() > 0.5, cell.toString());
        assertEquals(400, clerk.get("/api/submissions/" + pdf.id() + "/highlights?page=1&figure=1&in=cellar").statusCode());
        // Without a page (a figure in the prose): the document is searched and the page said.
        JsonNode anywhere = json(clerk.get("/api/submissions/" + pdf.id() + "/highlights?figure=902"));
        assertEquals(1, anywhere.path("page").asInt());
        assertEquals("902.00", anywhere.path("boxes").get(0).path("text").asText());
        JsonNode missing = json(clerk.get("/api/submissions/" + pdf.id() + "/highlights?page=2&figure=987654"));
        assertEquals(0, missing.path("boxes").size());
        assertEquals(PageRoutes.NOT_FOUND_NOTE, missing.path("note").asText());
    }

    @Test
    void aPageThatIsNotThereIsAChineseJson404() throws Exception {
        HttpResponse<String> past = clerk.get("/api/submissions/" + pdf.id() + "/pages/3");
        assertEquals(404, past.statusCode());
        assertEquals("第 3 页不存在：原始文件共 2 页", json(past).path("error").asText());
        HttpResponse<String> highlightPast = clerk.get("/api/submissions/" + pdf.id() + "/highlights?page=9&figure=1");
        assertEquals(404, highlightPast.statusCode());
        assertEquals("第 9 页不存在：原始文件共 2 页", json(highlightPast).path("error").asText());
        for (String bad : List.of("0", "-1", "abc", "1.5", "99999999999")) {
            HttpResponse<String> r = clerk.get("/api/submissions/" + pdf.id() + "/pages/" + bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("页码应为正整数", json(r).path("error").asText());
        }
        HttpResponse<String> nobody = clerk.get("/api/submissions/999999/pages/1");
        assertEquals(404, nobody.statusCode());
        assertEquals("没有第 999999 号提交", json(nobody).path("error").asText());
        HttpResponse<String> fileless = clerk.get("/api/submissions/" + noOriginal.id() + "/pages");
        assertEquals(404, fileless.statusCode());
        assertEquals("第 " + noOriginal.id() + " 号提交的原始文件未保存", json(fileless).path("error").asText());
        assertEquals(400, clerk.get("/api/submissions/" + pdf.id() + "/highlights").statusCode(), "nothing to look for");
    }

    @Test
    void aTextOriginalHasNoPagesButANote() throws Exception {
        JsonNode count = json(clerk.get("/api/submissions/" + text.id() + "/pages"));
        assertEquals(0, count.path("pages").asInt());
        assertEquals(PageRoutes.NOT_PAGED_NOTE, count.path("note").asText());
        HttpResponse<String> page = clerk.get("/api/submissions/" + text.id() + "/pages/1");
        assertEquals(404, page.statusCode());
        assertEquals(PageRoutes.NOT_PAGED_NOTE, json(page).path("error").asText());
    }

    @Test
    void nothingWithoutALogin() throws Exception {
        WebSession anonymous = WebSession.open(server.port());
        for (String path : List.of("/pages", "/pages/1", "/highlights?page=1&figure=101.63")) {
            HttpResponse<String> r = anonymous.get("/api/submissions/" + pdf.id() + path);
            assertEquals(401, r.statusCode(), path);
            assertEquals("请先登录", json(r).path("error").asText());
        }
    }

    @Test
    void noRequestValueReachesAPath() throws Exception {
        List<String> tries = List.of(
                "/api/submissions/" + pdf.id() + "/pages/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/submissions/..%2F" + pdf.id() + "/pages/1",
                "/api/submissions/" + pdf.id() + "/highlights?page=..%2F1&figure=1");
        for (String t : tries) {
            HttpResponse<String> r = clerk.get(t);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, t + " → " + r.statusCode());
            assertFalse(json(r).path("error").asText().isEmpty(), t);
        }
        // Dot segments are resolved by the HTTP server before routing: ".." climbs the API's own
        // address (here to the submission's JSON), never into the file system.
        JsonNode climbed = json(clerk.get("/api/submissions/" + pdf.id() + "/pages/%2e%2e"));
        assertEquals(pdf.id(), climbed.path("submission").path("id").asLong());
        // Only the digest folders the store named, and only names built from numbers, are in the cache.
        try (Stream<Path> files = Files.walk(root.resolve("data").resolve(PageRoutes.CACHE_FOLDER))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertTrue(f.getParent().getFileName().toString().matches("[0-9a-f]{64}"), f.toString());
                assertTrue(f.getFileName().toString().matches("pages\\.txt|[0-9]+-[0-9]+dpi\\.png"), f.toString());
            }
        }
    }
}

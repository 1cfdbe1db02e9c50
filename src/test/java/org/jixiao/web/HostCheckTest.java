package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.output.ReportJson;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS rebinding: a page on another site that resolves its name to 127.0.0.1 must not read the reports. */
class HostCheckTest {

    @TempDir
    static Path root;
    static JixiaoServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(ServerSettings.defaults(DataFolders.under(root.resolve("data")))
                .withAllowedHosts(List.of("jixiao.bureau.lan", "192.168.1.20:8080")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void foreignHostNamesAreRefusedWithAChineseJsonProblem() throws Exception {
        int port = server.port();
        for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example", "localhost.evil.example",
                "[::2]", "jixiao.bureau.lan.evil.example", "")) {
            for (String path : List.of("/api/reports", "/api/health", "/", "/no-such-page")) {
                RawHttp.Response r = RawHttp.get(port, path, host);
                assertTrue(r.status() == 421 || r.status() == 403, host + path + " → " + r.head());
                assertTrue(r.header("Content-Type").startsWith("application/json"), r.head());
                JsonNode body = ReportJson.mapper().readTree(r.body());
                assertTrue(body.path("error").asText().contains("主机名"), r.body());
                assertFalse(r.body().contains("reports\""), "no report data: " + r.body());
            }
        }
        RawHttp.Response noHost = RawHttp.send(port, "GET /api/reports HTTP/1.0\r\n\r\n");
        assertTrue(noHost.status() == 421 || noHost.status() == 403 || noHost.status() == 400, noHost.head());
    }

    @Test
    void localAndConfiguredHostNamesAreServed() throws Exception {
        int port = server.port();
        for (String host : List.of("127.0.0.1", "127.0.0.1:" + port, "localhost", "LOCALHOST:" + port, "[::1]",
                "[::1]:" + port, "jixiao.bureau.lan", "jixiao.bureau.lan:" + port, "192.168.1.20", "192.168.1.20:8080")) {
            RawHttp.Response r = RawHttp.get(port, "/api/health", host);
            assertEquals(200, r.status(), host + " → " + r.head() + r.body());
        }
    }

    @Test
    void hostNamesAreParsedWithOrWithoutThePort() {
        assertEquals("localhost", HttpGuards.hostName("LocalHost:8080"));
        assertEquals("[::1]", HttpGuards.hostName("[::1]:8080"));
        assertEquals("[::1]", HttpGuards.hostName("::1"));
        assertEquals(null, HttpGuards.hostName("evil.example:80x"));
        assertEquals(null, HttpGuards.hostName(""));
    }
}

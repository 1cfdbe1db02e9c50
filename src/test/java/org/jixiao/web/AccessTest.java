package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jixiao.model.Role;
import org.jixiao.output.ReportJson;
import org.jixiao.route.DataFolders;
import org.jixiao.store.StoreOfRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users, roles, sessions and CSRF on the running service as a browser meets them: nothing without
 * a login, a login that cannot be guessed at speed, a session id renewed at login, no write
 * without the page's token or from another origin, and each role only its own actions.
 */
class AccessTest {

    @TempDir
    static Path root;
    static JixiaoServer server;
    static byte[] report;

    static final String ADMIN_PASSWORD = "管理员的长密码2026";
    static final String CLERK_PASSWORD = "经办员的长密码2026";
    static final String REVIEWER_PASSWORD = "审核员的长密码2026";

    @BeforeAll
    static void start() throws Exception {
        DataFolders folders = DataFolders.under(root.resolve("data"));
        server = TestServer.start(ServerSettings.defaults(folders).withAccess(ServerSettings.Access.LOGIN));
        StoreOfRecord store = server.store();
        store.addUser("admin", Role.ADMIN, ADMIN_PASSWORD.toCharArray(), StoreOfRecord.SYSTEM);
        store.addUser("jingban", Role.CLERK, CLERK_PASSWORD.toCharArray(), StoreOfRecord.SYSTEM);
        store.addUser("shenhe", Role.REVIEWER, REVIEWER_PASSWORD.toCharArray(), StoreOfRecord.SYSTEM);
        report = Files.readAllBytes(Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return WebSession.json(r);
    }

    @Test
    void nothingButTheLoginPageAndHealthWithoutALogin() throws Exception {
        WebSession anonymous = WebSession.open(server.port());
        HttpResponse<String> list = anonymous.get("/api/reports");
        assertEquals(401, list.statusCode());
        assertEquals("请先登录", json(list).path("error").asText());
        assertEquals(401, anonymous.get("/api/submissions").statusCode());
        assertEquals(401, anonymous.upload("q.txt", report).statusCode(), "no anonymous upload, token or not");
        HttpResponse<String> page = anonymous.get("/index.html");
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").startsWith("/login.html?next="), page.headers().toString());
        assertEquals(200, anonymous.get("/login.html").statusCode());
        assertEquals(200, anonymous.get("/api/health").statusCode());
    }

    @Test
    void aLoginRenewsTheSessionIdAndTheOldIdIsWorthNothing() throws Exception {
        WebSession browser = WebSession.open(server.port());
        String before = sessionCookie(browser);
        assertTrue(before != null, "a session cookie before login");
        HttpResponse<String> login = browser.post("/api/login", "{\"name\":\"shenhe\",\"password\":\"" + REVIEWER_PASSWORD + "\"}");
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("审核", json(login).path("roleName").asText());
        String renewed = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionGate.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("the login sets the renewed session cookie: " + login.headers()));
        String attributes = renewed.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("httponly") && attributes.contains("samesite=strict"), renewed);
        String after = sessionCookie(browser);
        assertNotEquals(before, after, "session fixation: the id planted before login must not become the logged-in one");

        HttpClient planted = HttpClient.newHttpClient();
        HttpResponse<String> withOldId = planted.send(HttpRequest.newBuilder(browser.uri("/api/submissions"))
                .header("Cookie", SessionGate.SESSION_COOKIE + "=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, withOldId.statusCode());
        browser.refreshToken();
        assertEquals(200, browser.get("/api/submissions").statusCode());
    }

    private static String sessionCookie(WebSession s) {
        return ((CookieManager) s.http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SessionGate.SESSION_COOKIE)).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void wrongPasswordsAreRefusedAlikeAndThenSlowedDown() throws Exception {
        WebSession guesser = WebSession.open(server.port());
        HttpResponse<String> unknown = guesser.post("/api/login", "{\"name\":\"nobody\",\"password\":\"whatever1\"}");
        HttpResponse<String> wrong = guesser.post("/api/login", "{\"name\":\"admin\",\"password\":\"whatever1\"}");
        assertEquals(401, unknown.statusCode());
        assertEquals(json(unknown).path("error"), json(wrong).path("error"), "the answer does not say which part was wrong");
        int status = 0;
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1 && status != 429; i++) {
            status = guesser.post("/api/login", "{\"name\":\"admin\",\"password\":\"guess" + i + "\"}").statusCode();
        }
        assertEquals(429, status, "after a few failures, further tries are refused for a while");
        HttpResponse<String> right = guesser.post("/api/login", "{\"name\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertEquals(429, right.statusCode(), "even the right password waits: the guesser cannot tell");
        assertTrue(right.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void writesNeedThePagesTokenAndTheirOwnOrigin() throws Exception {
        WebSession clerk = WebSession.login(server.port(), "jingban", CLERK_PASSWORD);
        HttpResponse<String> noToken = clerk.http.send(Multipart.upload(clerk.uri("/api/reports"), "a.txt", report, null),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(json(noToken).path("error").asText().contains("防伪令牌"));
        HttpResponse<String> foreign = clerk.http.send(clerk.withToken(HttpRequest.newBuilder(clerk.uri("/api/logout")))
                .header("Origin", "http://127.0.0.1:9999").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), "a page on another port of this machine is another origin");
        HttpResponse<String> claimed = clerk.http.send(clerk.withToken(HttpRequest.newBuilder(clerk.uri("/api/users")))
                .header(SessionGate.USER_HEADER, "admin").header(SessionGate.ROLE_HEADER, "ADMIN").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, claimed.statusCode(), "a user named in a request header is not believed");
        HttpResponse<String> upload = clerk.upload("青岛自评.txt", report);
        assertTrue(upload.statusCode() == 201 || upload.statusCode() == 200, upload.body());
    }

    @Test
    void eachRoleOnlyItsOwnActions() throws Exception {
        WebSession clerk = WebSession.login(server.port(), "jingban", CLERK_PASSWORD);
        byte[] mine = (new String(report, java.nio.charset.StandardCharsets.UTF_8) + "\n附：经办重新提交。\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(201, clerk.upload("青岛自评-二.txt", mine).statusCode());
        JsonNode listed = json(clerk.get("/api/submissions?outcome=CHECKED"));
        long id = listed.path("submissions").get(0).path("id").asLong();
        assertEquals("jingban", listed.path("submissions").get(0).path("submitter").asText(), "the upload is recorded under its user");

        HttpResponse<String> clerkReviews = clerk.post("/api/submissions/" + id + "/review", "{\"status\":\"通过\"}");
        assertEquals(403, clerkReviews.statusCode(), clerkReviews.body());
        assertEquals(403, clerk.get("/api/users").statusCode(), "经办 does not manage users");

        WebSession reviewer = WebSession.login(server.port(), "shenhe", REVIEWER_PASSWORD);
        HttpResponse<String> returned = reviewer.post("/api/submissions/" + id + "/review",
                "{\"status\":\"退回\",\"opinion\":\"执行率填报有误，请核实后重新提交\"}");
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals("退回", json(returned).path("statusName").asText());
        JsonNode one = json(reviewer.get("/api/submissions/" + id));
        JsonNode last = one.path("audit").get(one.path("audit").size() - 1);
        assertEquals("shenhe", last.path("actor").asText());
        assertEquals("执行率填报有误，请核实后重新提交", last.path("detail").asText());
        assertEquals(403, reviewer.post("/api/users", "{\"name\":\"x\",\"role\":\"经办\",\"password\":\"12345678x\"}").statusCode());

        WebSession admin = WebSession.login(server.port(), "admin", ADMIN_PASSWORD);
        HttpResponse<String> added = admin.post("/api/users", "{\"name\":\"xinren\",\"role\":\"经办\",\"password\":\"新人的密码12345\"}");
        assertEquals(201, added.statusCode(), added.body());
        WebSession.login(server.port(), "xinren", "新人的密码12345");
    }

    @Test
    void anonymousAccessOnlyOnLoopback() {
        DataFolders folders = DataFolders.under(root.resolve("lan"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings(folders, null, 1, 1024, "0.0.0.0", 0, ServerSettings.DEFAULT_SHUTDOWN_TIMEOUT)
                        .withAccess(ServerSettings.Access.LOCAL_ANONYMOUS));
        assertTrue(refused.getMessage().contains("只允许在本机地址"), refused.getMessage());
        assertFalse(ServerSettings.loopback("0.0.0.0"));
        assertTrue(ServerSettings.loopback("127.0.0.1"));
    }
}

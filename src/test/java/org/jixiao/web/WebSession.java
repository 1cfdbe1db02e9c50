package org.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser's view of the service for tests: cookies kept (the session and the CSRF token cookie),
 * the token sent back in its header on every state-changing request, as the pages do.
 */
public final class WebSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final HttpClient http;
    private final String base;
    private String token;

    private WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** A session as a page opened in a browser has it: no login (anonymous service) or before login. */
    public static WebSession open(int port) throws IOException, InterruptedException {
        WebSession s = new WebSession(port);
        s.refreshToken();
        return s;
    }

    /** A session logged in as the given user. */
    public static WebSession login(int port, String name, String password) throws IOException, InterruptedException {
        WebSession s = new WebSession(port);
        s.refreshToken();
        HttpResponse<String> r = s.post("/api/login", "{\"name\":" + JSON.writeValueAsString(name) + ",\"password\":"
                + JSON.writeValueAsString(password) + "}");
        if (r.statusCode() != 200) throw new AssertionError("login as " + name + " failed: " + r.statusCode() + " " + r.body());
        s.refreshToken();
        return s;
    }

    /** Reads the CSRF token the way a page does: from the cookie the service set (or /api/me). */
    public void refreshToken() throws IOException, InterruptedException {
        HttpResponse<String> me = get("/api/me");
        JsonNode body = JSON.readTree(me.body());
        if (body.hasNonNull("csrfToken")) {
            token = body.get("csrfToken").asText();
            return;
        }
        token = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SessionGate.CSRF_COOKIE)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** The cookies of this session as a raw {@code Cookie} header value (for tests that write HTTP by hand). */
    public String cookieHeader() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
    }

    public String token() {
        return token;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(withToken(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> upload(String fileName, byte[] content) throws IOException, InterruptedException {
        return http.send(Multipart.upload(uri("/api/reports"), fileName, content, token), HttpResponse.BodyHandlers.ofString());
    }

    /** An answer's JSON body, after checking it is JSON (the API answers JSON everywhere, errors included). */
    public static JsonNode json(HttpResponse<String> r) throws IOException {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) throw new AssertionError("not JSON (" + type + "): " + r.headers());
        return org.jixiao.output.ReportJson.mapper().readTree(r.body());
    }

    public HttpRequest.Builder withToken(HttpRequest.Builder b) {
        return token == null ? b : b.header(SessionGate.CSRF_HEADER, token);
    }
}

package org.jixiao.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the HTTP server checks before any route sees a request, and the JSON answers it gives when
 * no route does: every refusal is {@code application/json} with a Chinese {@code error}.
 */
final class HttpGuards {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The guard's place among the router's handlers: before every other. */
    static final int ORDER = Integer.MIN_VALUE;

    private final Set<String> allowedHosts;
    private final long requestTimeoutMillis;
    private final BoundedHttpServer server;
    /** Why uploads are refused now (the disk is full), or empty. */
    private final Supplier<Optional<String>> uploadRefusal;

    HttpGuards(ServerSettings settings, BoundedHttpServer server, Supplier<Optional<String>> uploadRefusal) {
        this.allowedHosts = allowedHosts(settings);
        this.requestTimeoutMillis = settings.requestTimeout().toMillis();
        this.server = server;
        this.uploadRefusal = uploadRefusal;
    }

    /** The listen address (unless a wildcard), localhost, 127.0.0.1, [::1] and the configured names, lower case, without port. */
    static Set<String> allowedHosts(ServerSettings settings) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("[::1]");
        String listen = settings.host() == null ? "" : settings.host().strip().toLowerCase(Locale.ROOT);
        if (!listen.isEmpty() && !listen.equals("0.0.0.0") && !listen.equals("::") && !listen.equals("[::]")) {
            names.add(listen.contains(":") && !listen.startsWith("[") ? "[" + listen + "]" : listen);
        }
        for (String name : settings.allowedHosts()) {
            String n = hostName(name);
            if (n != null) names.add(n);
        }
        return Set.copyOf(names);
    }

    /** The host name of a Host header value, lower case, without the port; null when it is not one. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) return null;
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) return null;
            String rest = h.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) return null;
            return h.substring(0, close + 1);
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!h.substring(colon).matches(":\\d{1,5}")) {
                // A bare IPv6 address (from configuration): bracket it as a Host header would.
                return h.matches("[0-9a-f:.]+") ? "[" + h + "]" : null;
            }
            h = h.substring(0, colon);
        }
        return h.isEmpty() ? null : h;
    }

    boolean allowed(String hostHeader) {
        String name = hostName(hostHeader);
        return name != null && allowedHosts.contains(name);
    }

    /**
     * Installs the guards on the router the API's routes are on, ahead of every route: the Host check,
     * then HEAD (answered as GET without the body), OPTIONS (the methods of the path), and JSON for a
     * path no route serves (404) or a method it does not take (405). The last two are answered here,
     * from the routes' own paths and methods, rather than left to Vert.x, which answers them in HTML
     * or with an empty body.
     */
    void install(Router router) {
        router.route().order(ORDER).handler(ctx -> guard(router, ctx));
        router.errorHandler(400, ctx -> problem(ctx, 400, "请求格式有误，无法处理"));
        router.errorHandler(404, ctx -> problem(ctx, 404, "没有这个地址：" + clip(ctx.request().path())));
        router.errorHandler(405, ctx -> problem(ctx, 405, "此地址不支持 " + ctx.request().method().name() + " 请求"));
        router.errorHandler(500, ctx -> {
            // An upload body that could not be stored in tmp/ (the disk filled meanwhile) is no bug.
            Optional<String> refusal = uploadRefusal.get();
            if (refusal.isPresent()) problem(ctx, 503, refusal.get());
            else problem(ctx, 500, "服务器内部错误，请联系管理员查看服务日志");
        });
    }

    private void guard(Router router, RoutingContext ctx) {
        server.requestArrived(ctx.request().connection());
        if (!ctx.request().isEnded()) {
            // The body must arrive within the request deadline, however slowly it trickles (the idle
            // timeout alone lets a byte every few seconds hold a connection and a body buffer forever).
            long timer = ctx.vertx().setTimer(requestTimeoutMillis, id -> {
                if (ctx.request().isEnded() || ctx.response().ended()) return;
                ctx.response().putHeader("Connection", "close");
                problem(ctx, 408, "请求超时：" + requestTimeoutMillis / 1000 + " 秒内未收到完整的请求，连接已关闭；请重新上传");
                ctx.request().connection().close();
            });
            ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
        }
        String host = ctx.request().getHeader("Host");
        if (host == null && ctx.request().authority() != null) host = ctx.request().authority().toString();
        if (!allowed(host)) {
            problem(ctx, 421, "不接受主机名“" + clip(host == null ? "" : host)
                    + "”：本服务只应答以本机地址或配置的主机名（serve --allowed-host）访问的请求");
            return;
        }
        String query = ctx.request().query();
        if (query != null && !wellEncoded(query)) {
            // Vert.x would fail it with a bare 400 while parsing the parameters: say why, in JSON.
            problem(ctx, 400, "查询参数编码有误（% 后应为两位十六进制数，且为 UTF-8）：" + clip(query));
            return;
        }
        String path = ctx.request().path();
        Set<String> methods = methods(router, path);
        if (methods.isEmpty()) {
            problem(ctx, 404, "没有这个地址：" + clip(path));
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.response().setStatusCode(204).putHeader("Allow", allow(methods)).end();
            return;
        }
        if (method == HttpMethod.HEAD && methods.contains("GET")) {
            // The response of a HEAD request carries the headers only; Vert.x leaves the body out.
            ctx.reroute(HttpMethod.GET, ctx.request().uri());
            return;
        }
        if (!methods.contains(method.name())) {
            ctx.response().putHeader("Allow", allow(methods));
            problem(ctx, 405, "此地址不支持 " + method.name() + " 请求，可用：" + allow(methods));
            return;
        }
        if (method == HttpMethod.POST) {
            // Refused before the body is read: it would have to be stored in tmp/ on the full disk.
            Optional<String> refusal = uploadRefusal.get();
            if (refusal.isPresent()) {
                ctx.response().putHeader("Connection", "close");
                problem(ctx, 503, refusal.get());
                return;
            }
        }
        ctx.next();
    }

    /** The methods the routes for this path take; empty when no route serves it. */
    static Set<String> methods(Router router, String path) {
        Set<String> methods = new TreeSet<>();
        if (path == null) return methods;
        for (Route route : router.getRoutes()) {
            String p = route.getPath();
            if (p == null || route.methods() == null || route.methods().isEmpty()) continue;
            if (!matches(p, path)) continue;
            for (HttpMethod m : route.methods()) methods.add(m.name());
        }
        return methods;
    }

    /** Whether a route's path ({@code /api/reports/:id}) matches a request path. */
    private static boolean matches(String routePath, String path) {
        String[] want = routePath.split("/", -1);
        String[] got = path.split("/", -1);
        if (got.length == want.length + 1 && got[got.length - 1].isEmpty()) got = java.util.Arrays.copyOf(got, want.length);
        if (got.length != want.length) return false;
        for (int i = 0; i < want.length; i++) {
            boolean parameter = want[i].startsWith(":") || (want[i].startsWith("{") && want[i].endsWith("}"));
            if (parameter ? got[i].isEmpty() : !want[i].equals(got[i])) return false;
        }
        return true;
    }

    /** Every %XX escape complete and the bytes they spell valid UTF-8. */
    static boolean wellEncoded(String query) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) return false;
                int hi = Character.digit(query.charAt(i + 1), 16);
                int lo = Character.digit(query.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String allow(Set<String> methods) {
        Set<String> all = new TreeSet<>(methods);
        if (all.contains("GET")) all.add("HEAD");
        all.add("OPTIONS");
        return String.join(", ", all);
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }

    /** A Chinese JSON error answer; the connection is kept unless the status says otherwise. */
    static void problem(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended() || ctx.response().headWritten()) return;
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", message);
        String text;
        try {
            text = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"error\":\"服务器内部错误\"}";
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", ApiRoutes.JSON)
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(text);
    }
}

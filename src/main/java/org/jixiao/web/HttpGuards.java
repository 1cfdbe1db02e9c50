package org.jixiao.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the HTTP server checks before any route sees a request, and the JSON answers it gives when
 * no route does: every refusal is {@code application/json} with a Chinese {@code error}.
 */
final class HttpGuards {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> allowedHosts;

    HttpGuards(ServerSettings settings) {
        this.allowedHosts = allowedHosts(settings);
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

    /** Installs the guards on the router the API's routes are on, ahead of every route. */
    void install(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkHost);
    }

    private void checkHost(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        if (host == null) host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        if (!allowed(host)) {
            problem(ctx, 421, "不接受主机名“" + (host == null ? "" : host)
                    + "”：本服务只应答以本机地址或配置的主机名（serve --allowed-host）访问的请求");
            return;
        }
        ctx.next();
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

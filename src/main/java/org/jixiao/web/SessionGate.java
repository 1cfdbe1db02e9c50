package org.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jixiao.model.Role;
import org.jixiao.model.UserAccount;
import org.jixiao.store.StoreOfRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking, checked before any route sees a request: a session cookie set at login (HttpOnly,
 * SameSite=Strict, renewed at login against fixation), a CSRF token on every state-changing request
 * (Vert.x's {@link CSRFHandler}: the page sends the token cookie back in a header, which a page of
 * another origin — another port of this machine included — cannot do), an {@code Origin} check on
 * the same requests, and a login that is rate-limited.
 *
 * <p>The user a route acts for reaches it as two request headers set here ({@link #USER_HEADER},
 * {@link #ROLE_HEADER}); the same headers sent by a client are removed first.
 *
 * <p>Without a logged-in user a request is refused (401, or the login page for a page), except
 * when the service runs with anonymous access — allowed only when it listens on loopback — where
 * it acts as {@link #LOCAL_USER} with the administrator's rights.
 */
final class SessionGate {

    static final String USER_HEADER = "X-Jixiao-User";
    static final String ROLE_HEADER = "X-Jixiao-Role";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String SESSION_COOKIE = "jixiao.session";
    /** A working day: a reviewer is not logged out at lunch, a forgotten browser is by the next morning. */
    static final Duration SESSION_TIMEOUT = Duration.ofHours(10);
    /** The name the loopback-only anonymous mode acts under. */
    static final String LOCAL_USER = "本机用户";
    /** Largest login body read (a name and a password). */
    private static final long LOGIN_BODY_LIMIT = 4096;
    /** 256 random bits per session token. */
    private static final int TOKEN_BYTES = 32;
    private static final String CSRF_SESSION_KEY = "csrf";
    private static final Set<String> OPEN_PATHS = Set.of("/login.html", "/login.js", "/common.js", "/jixiao.css",
            "/api/login", "/api/logout", "/api/me", "/api/health", "/api/openapi.json");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);

    private final StoreOfRecord store;
    private final boolean anonymous;
    private final boolean secureCookies;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    SessionGate(StoreOfRecord store, boolean anonymous, boolean secureCookies) {
        this.store = store;
        this.anonymous = anonymous;
        this.secureCookies = secureCookies;
    }

    /** Installs the handlers right after the Host guard ({@code after} is its order). */
    void install(Router router, Vertx vertx, int after) {
        router.route().order(after + 1).handler(this::forgetClaimedUser);
        router.route().order(after + 2).handler(SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName(SESSION_COOKIE)
                .setCookieHttpOnlyFlag(true)
                .setCookieSecureFlag(secureCookies)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setSessionTimeout(SESSION_TIMEOUT.toMillis()));
        router.route().order(after + 3).handler(this::sameOrigin);
        router.route().order(after + 4).handler(this::csrf);
        router.post("/api/login").order(after + 5).handler(BodyHandler.create(false).setBodyLimit(LOGIN_BODY_LIMIT))
                .handler(this::login);
        router.post("/api/logout").order(after + 5).handler(this::logout);
        router.get("/api/me").order(after + 5).handler(this::me);
        router.route().order(after + 6).handler(this::requireUser);
    }

    private void forgetClaimedUser(RoutingContext ctx) {
        ctx.request().headers().remove(USER_HEADER);
        ctx.request().headers().remove(ROLE_HEADER);
        ctx.next();
    }

    /**
     * A state-changing request that names its origin must come from this service's own: a browser
     * always sends Origin on such requests, so another site's form or script is stopped here even
     * before the token check.
     */
    private void sameOrigin(RoutingContext ctx) {
        if (SAFE.contains(ctx.request().method())) {
            ctx.next();
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            String host = ctx.request().getHeader("Host");
            String own = host == null ? null : host.toLowerCase(java.util.Locale.ROOT);
            String theirs = origin.toLowerCase(java.util.Locale.ROOT).replaceFirst("^https?://", "");
            if (own == null || !own.equals(theirs)) {
                refuse(ctx, 403, "拒绝来自其他网页（" + clip(origin) + "）的修改请求");
                return;
            }
        } else if ("null".equals(origin)) {
            refuse(ctx, 403, "拒绝来源不明的修改请求");
            return;
        }
        ctx.next();
    }

    /**
     * The synchronizer token: one random token per session, handed to the page in a cookie it reads
     * (not HttpOnly) and in {@code /api/me}; every state-changing request must send it back in the
     * {@link #CSRF_HEADER} header. Another origin cannot: a cross-origin request with a custom header
     * needs a CORS preflight this service never grants, and a plain form cannot set headers.
     * (Vert.x's own CSRFHandler needs its BodyHandler ahead of every route, which would read the
     * uploads before Camel's platform-http, with other limits; this check needs no body.)
     */
    private void csrf(RoutingContext ctx) {
        Session session = ctx.session();
        String token = session.get(CSRF_SESSION_KEY);
        if (token == null) token = newToken(session);
        var cookie = ctx.request().getCookie(CSRF_COOKIE);
        if (cookie == null || !token.equals(cookie.getValue())) setTokenCookie(ctx, token);
        if (!SAFE.contains(ctx.request().method())) {
            String sent = ctx.request().getHeader(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                refuse(ctx, 403, "请求缺少有效的防伪令牌（" + CSRF_HEADER + "）：请刷新页面后重试");
                return;
            }
        }
        ctx.next();
    }

    private String newToken(Session session) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.put(CSRF_SESSION_KEY, token);
        return token;
    }

    private void setTokenCookie(RoutingContext ctx, String token) {
        ctx.response().addCookie(io.vertx.core.http.Cookie.cookie(CSRF_COOKIE, token).setPath("/")
                .setSameSite(CookieSameSite.STRICT).setSecure(secureCookies).setHttpOnly(false));
    }

    private void login(RoutingContext ctx) {
        JsonNode body;
        try {
            body = mapper.readTree(ctx.body().asString(StandardCharsets.UTF_8.name()));
        } catch (Exception e) {
            body = null;
        }
        String name = body == null || body.get("name") == null ? "" : body.get("name").asText("").strip();
        String password = body == null || body.get("password") == null ? "" : body.get("password").asText("");
        if (name.isEmpty() || password.isEmpty()) {
            HttpGuards.problem(ctx, 400, "请填写用户名和密码");
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            HttpGuards.problem(ctx, 429, "登录失败次数过多，请 " + Math.max(1, wait.toSeconds()) + " 秒后再试");
            return;
        }
        // Argon2 takes tens of milliseconds by design: off the event loop.
        ctx.vertx().<Optional<UserAccount>>executeBlocking(() -> store.authenticate(name, password.toCharArray()), false)
                .onComplete(result -> {
                    if (result.failed()) {
                        LOG.warn("登录时读取用户失败", result.cause());
                        HttpGuards.problem(ctx, 503, "暂时无法登录：用户数据读取失败，请稍后再试");
                        return;
                    }
                    Optional<UserAccount> user = result.result();
                    if (user.isEmpty()) {
                        throttle.failed(name, address);
                        LOG.info("登录失败：{}（{}）", name, address);
                        HttpGuards.problem(ctx, 401, "用户名或密码不正确");
                        return;
                    }
                    throttle.succeeded(name);
                    Session session = ctx.session();
                    // A new session id at login: an id planted before login is worth nothing after it.
                    session.regenerateId();
                    setTokenCookie(ctx, newToken(session));
                    session.put("user", user.get().name());
                    session.put("role", user.get().role().name());
                    LOG.info("用户 {} 已登录", user.get().name());
                    json(ctx, 200, account(user.get().name(), user.get().role(), false));
                });
    }

    private void logout(RoutingContext ctx) {
        if (ctx.session() != null) ctx.session().destroy();
        json(ctx, 200, mapper.createObjectNode().put("loggedOut", true));
    }

    private void me(RoutingContext ctx) {
        Session s = ctx.session();
        String user = s == null ? null : s.get("user");
        if (user != null) {
            json(ctx, 200, account(user, Role.valueOf(s.get("role")), false).put("csrfToken", (String) s.get(CSRF_SESSION_KEY)));
        } else if (anonymous) {
            json(ctx, 200, account(LOCAL_USER, Role.ADMIN, true).put("csrfToken", (String) s.get(CSRF_SESSION_KEY)));
        } else {
            // Not an error: the login page asks who it is talking to, and takes its token from here.
            json(ctx, 200, mapper.createObjectNode().put("loggedIn", false).put("csrfToken", (String) s.get(CSRF_SESSION_KEY)));
        }
    }

    private ObjectNode account(String name, Role role, boolean anonymousUser) {
        ObjectNode o = mapper.createObjectNode();
        o.put("name", name);
        o.put("role", role.name());
        o.put("roleName", role.chinese());
        o.put("mayReview", role.mayReview());
        o.put("mayAdminister", role.mayAdminister());
        o.put("anonymous", anonymousUser);
        o.put("loggedIn", true);
        return o;
    }

    private void requireUser(RoutingContext ctx) {
        String path = ctx.request().path();
        Session s = ctx.session();
        String user = s == null ? null : s.get("user");
        String role = s == null ? null : s.get("role");
        if (user == null && anonymous) {
            user = LOCAL_USER;
            role = Role.ADMIN.name();
        }
        if (user != null) {
            ctx.request().headers().set(USER_HEADER, URLEncoder.encode(user, StandardCharsets.UTF_8));
            ctx.request().headers().set(ROLE_HEADER, role);
            ctx.next();
            return;
        }
        if (OPEN_PATHS.contains(path)) {
            ctx.next();
            return;
        }
        if (path.startsWith("/api/")) {
            refuse(ctx, 401, "请先登录");
        } else {
            // A page: to the login page, which comes back here after login (a path of this site only).
            ctx.response().setStatusCode(302)
                    .putHeader("Location", "/login.html?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                    .end();
        }
    }

    /**
     * A refusal before the body was read: the body is not wanted, so the connection is closed after
     * the answer rather than kept reading whatever the client still sends.
     */
    private static void refuse(RoutingContext ctx, int status, String message) {
        boolean bodyPending = !ctx.request().isEnded();
        if (bodyPending) ctx.response().putHeader("Connection", "close");
        HttpGuards.problem(ctx, status, message);
        if (bodyPending) ctx.response().endHandler(v -> ctx.request().connection().close());
    }

    /** The user a route acts for, from the headers set above. */
    static UserAccount actingUser(String encodedName, String role) {
        if (encodedName == null || role == null) return null;
        Role r = Role.parse(role);
        if (r == null) return null;
        return new UserAccount(URLDecoder.decode(encodedName, StandardCharsets.UTF_8), r, null);
    }

    private void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", ApiRoutes.JSON)
                .putHeader("Cache-Control", "no-store").end(body.toString());
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}

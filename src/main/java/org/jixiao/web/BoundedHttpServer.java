package org.jixiao.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's platform-http server with the limits a server facing slow or hostile clients needs, which
 * its configuration does not offer: an idle timeout (a connection that sends and receives nothing is
 * closed), a cap on open connections (more are closed at once), and a deadline for a connection's
 * first request to arrive (headers dribbled a byte at a time). The deadline for a request's body is
 * {@link HttpGuards}' (it sees requests; this sees connections).
 *
 * <p>Camel creates the Vert.x server itself from {@code new HttpServerOptions()}; the only seam is the
 * Vert.x instance it creates it with, so that instance is the real one behind a proxy that adjusts
 * the options and installs the connection handler before the server listens.
 */
final class BoundedHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedHttpServer.class);

    private final ServerSettings settings;
    private final AtomicInteger open = new AtomicInteger();
    /** Connections that have delivered a request (their headers arrived in time). */
    private final Set<HttpConnection> served = ConcurrentHashMap.newKeySet();

    BoundedHttpServer(VertxPlatformHttpServerConfiguration configuration, ServerSettings settings) {
        super(configuration);
        this.settings = settings;
    }

    private volatile Runnable beforeListening;
    private volatile boolean guarded;

    /** Runs once the router exists and before the server listens (the guards go on the router then). */
    void beforeListening(Runnable step) {
        this.beforeListening = step;
    }

    /** Whether the step before listening ran. */
    boolean guarded() {
        return guarded;
    }

    @Override
    protected void startServer() throws Exception {
        if (beforeListening != null) {
            beforeListening.run();
            guarded = true;
        }
        super.startServer();
    }

    /** Connections open now. */
    int openConnections() {
        return open.get();
    }

    /** A request arrived on this connection: its deadline for a first request no longer applies. */
    void requestArrived(HttpConnection connection) {
        if (connection != null) served.add(connection);
    }

    @Override
    protected Vertx createVertxInstance() {
        Vertx real = super.createVertxInstance();
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = real.getClass(); c != null; c = c.getSuperclass()) collect(c, interfaces);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("createHttpServer") && args != null && args.length == 1
                    && args[0] instanceof HttpServerOptions options) {
                return bounded(invoke(real, method, new Object[] {bound(options)}));
            }
            if (method.getName().equals("equals") && args != null && args.length == 1) return proxy == args[0] || real.equals(args[0]);
            if (method.getName().equals("hashCode") && (args == null || args.length == 0)) return real.hashCode();
            return invoke(real, method, args);
        };
        return (Vertx) Proxy.newProxyInstance(BoundedHttpServer.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
    }

    private static void collect(Class<?> c, Set<Class<?>> into) {
        for (Class<?> i : c.getInterfaces()) {
            if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) into.add(i);
            collect(i, into);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private HttpServerOptions bound(HttpServerOptions options) {
        // Without h2c Vert.x takes a connection as HTTP/1.1 as soon as it is accepted, rather than after its
        // first bytes: the connection handler (cap, first-request deadline) then sees silent ones too.
        return new HttpServerOptions(options)
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
    }

    private Object bounded(Object created) {
        HttpServer server = (HttpServer) created;
        server.connectionHandler(connection -> {
            int now = open.incrementAndGet();
            connection.closeHandler(v -> {
                open.decrementAndGet();
                served.remove(connection);
            });
            if (now > settings.maxConnections()) {
                LOG.warn("同时打开的连接已达上限 {}，关闭新连接（来自 {}）", settings.maxConnections(), connection.remoteAddress());
                connection.close();
                return;
            }
            Vertx vertx = io.vertx.core.Vertx.currentContext() == null ? null : io.vertx.core.Vertx.currentContext().owner();
            if (vertx != null) {
                vertx.setTimer(settings.requestTimeout().toMillis(), id -> {
                    if (!served.contains(connection)) connection.close();
                });
            }
        });
        return server;
    }
}

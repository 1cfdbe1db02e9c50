package org.jixiao.web;

import java.time.Duration;
import java.util.List;
import org.jixiao.index.SearchLocation;
import org.jixiao.route.DataFolders;
import org.jixiao.store.StoreSettings;

/**
 * How the service runs.
 *
 * @param folders          inbox, done, failed, index, scratch
 * @param sourceUri        Camel endpoint URI the intake reads from; null for the inbox folder
 * @param workers          reports checked at once
 * @param maxUploadBytes   largest submission accepted (uploads and inbox files alike)
 * @param host             address to listen on
 * @param port             HTTP port; 0 picks a free one
 * @param shutdownTimeout  how long a shutdown waits for reports being checked before it returns them to the inbox
 * @param allowedHosts     host names a request's {@code Host} header may name (with or without the port), besides
 *                         the listen address, {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; any other is
 *                         refused (a DNS-rebinding page must not read the reports)
 * @param idleTimeout      a connection on which nothing is read or written for this long is closed
 * @param requestTimeout   a request whose headers and body have not fully arrived after this long gets 408 and is closed
 * @param maxConnections   connections open at once; more are closed at once
 * @param store            the store of record (submissions, reviews, users); null for the embedded one in the
 *                         data folder next to {@code done/}
 * @param access           who may use the service without logging in
 * @param search           the search store; null for the embedded index in {@code folders.index()}
 */
public record ServerSettings(DataFolders folders, String sourceUri, int workers, long maxUploadBytes,
                             String host, int port, Duration shutdownTimeout, List<String> allowedHosts,
                             Duration idleTimeout, Duration requestTimeout, int maxConnections,
                             StoreSettings store, Access access, SearchLocation search) {

    /**
     * Who may use the service without logging in.
     *
     * @param anonymous     requests without a session act as the local administrator; allowed only on loopback
     * @param secureCookies the session cookie carries Secure (set when the service is reached over HTTPS through a proxy)
     */
    public record Access(boolean anonymous, boolean secureCookies) {
        public static final Access LOGIN = new Access(false, false);
        public static final Access LOCAL_ANONYMOUS = new Access(true, false);
    }

    public static final int DEFAULT_WORKERS = 4;
    public static final int DEFAULT_MAX_UPLOAD_MB = 20;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for the largest upload over a slow office line (20 MB at ~100 kB/s). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    public ServerSettings {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (maxUploadBytes < 1) throw new IllegalArgumentException("maxUploadBytes must be positive");
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        if (store == null) store = StoreSettings.embedded(folders.done().toAbsolutePath().getParent());
        if (access == null) access = Access.LOGIN;
        if (search == null) search = SearchLocation.lucene(folders.index());
        if (access.anonymous() && !loopback(host)) {
            throw new IllegalArgumentException("不登录即可使用（--anonymous）只允许在本机地址上监听时开启，当前监听 " + host);
        }
    }

    /** Whether the listen address is this machine only. */
    public static boolean loopback(String host) {
        if (host == null) return false;
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    /** The settings of earlier versions: default host names, timeouts and connection cap. */
    public ServerSettings(DataFolders folders, String sourceUri, int workers, long maxUploadBytes,
                          String host, int port, Duration shutdownTimeout) {
        this(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout, List.of(),
                DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS, null, null, null);
    }

    /**
     * Defaults for a data folder: local only, a free port, the embedded store, and anonymous access
     * (loopback only) — what a test or a single-person bureau runs; {@code serve} asks for a login
     * unless told otherwise.
     */
    public static ServerSettings defaults(DataFolders folders) {
        return new ServerSettings(folders, null, DEFAULT_WORKERS, DEFAULT_MAX_UPLOAD_MB * 1024L * 1024,
                "127.0.0.1", 0, DEFAULT_SHUTDOWN_TIMEOUT).withAccess(Access.LOCAL_ANONYMOUS);
    }

    public ServerSettings withAccess(Access newAccess) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections, store, newAccess, search);
    }

    /** The service's search store (a SolrCloud collection several workers share, or the embedded index). */
    public ServerSettings withSearch(SearchLocation newSearch) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections, store, access, newSearch);
    }

    public ServerSettings withStore(StoreSettings newStore) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections, newStore, access, search);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, newPort, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections, store, access, search);
    }

    public ServerSettings withSourceUri(String uri) {
        return new ServerSettings(folders, uri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections, store, access, search);
    }

    public ServerSettings withMaxUploadBytes(long bytes) {
        return new ServerSettings(folders, sourceUri, workers, bytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections, store, access, search);
    }

    public ServerSettings withAllowedHosts(List<String> names) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                names, idleTimeout, requestTimeout, maxConnections, store, access, search);
    }

    public ServerSettings withTimeouts(Duration idle, Duration request, int connections) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idle, request, connections, store, access, search);
    }
}

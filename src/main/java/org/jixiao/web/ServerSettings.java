package org.jixiao.web;

import java.time.Duration;
import java.util.List;
import org.jixiao.route.DataFolders;

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
 */
public record ServerSettings(DataFolders folders, String sourceUri, int workers, long maxUploadBytes,
                             String host, int port, Duration shutdownTimeout, List<String> allowedHosts,
                             Duration idleTimeout, Duration requestTimeout, int maxConnections) {

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
    }

    /** The settings of earlier versions: default host names, timeouts and connection cap. */
    public ServerSettings(DataFolders folders, String sourceUri, int workers, long maxUploadBytes,
                          String host, int port, Duration shutdownTimeout) {
        this(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout, List.of(),
                DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
    }

    /** Defaults for a data folder: local only, a free port. */
    public static ServerSettings defaults(DataFolders folders) {
        return new ServerSettings(folders, null, DEFAULT_WORKERS, DEFAULT_MAX_UPLOAD_MB * 1024L * 1024,
                "127.0.0.1", 0, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, newPort, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections);
    }

    public ServerSettings withSourceUri(String uri) {
        return new ServerSettings(folders, uri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections);
    }

    public ServerSettings withMaxUploadBytes(long bytes) {
        return new ServerSettings(folders, sourceUri, workers, bytes, host, port, shutdownTimeout,
                allowedHosts, idleTimeout, requestTimeout, maxConnections);
    }

    public ServerSettings withAllowedHosts(List<String> names) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                names, idleTimeout, requestTimeout, maxConnections);
    }

    public ServerSettings withTimeouts(Duration idle, Duration request, int connections) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, port, shutdownTimeout,
                allowedHosts, idle, request, connections);
    }
}

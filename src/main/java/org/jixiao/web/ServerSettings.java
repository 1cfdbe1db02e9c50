package org.jixiao.web;

import java.time.Duration;
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
 */
public record ServerSettings(DataFolders folders, String sourceUri, int workers, long maxUploadBytes,
                             String host, int port, Duration shutdownTimeout) {

    public static final int DEFAULT_WORKERS = 4;
    public static final int DEFAULT_MAX_UPLOAD_MB = 20;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    public ServerSettings {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (maxUploadBytes < 1) throw new IllegalArgumentException("maxUploadBytes must be positive");
    }

    /** Defaults for a data folder: local only, a free port. */
    public static ServerSettings defaults(DataFolders folders) {
        return new ServerSettings(folders, null, DEFAULT_WORKERS, DEFAULT_MAX_UPLOAD_MB * 1024L * 1024,
                "127.0.0.1", 0, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(folders, sourceUri, workers, maxUploadBytes, host, newPort, shutdownTimeout);
    }

    public ServerSettings withSourceUri(String uri) {
        return new ServerSettings(folders, uri, workers, maxUploadBytes, host, port, shutdownTimeout);
    }

    public ServerSettings withMaxUploadBytes(long bytes) {
        return new ServerSettings(folders, sourceUri, workers, bytes, host, port, shutdownTimeout);
    }
}

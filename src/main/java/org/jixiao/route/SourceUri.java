package org.jixiao.route;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoint URI the intake reads from. Any Camel consumer URI works (a broker queue, an object
 * store bucket); for a {@code file:} folder the options that make the inbox safe are added:
 * a file is taken only once it has stopped changing, and it is moved (never deleted) to the name
 * the route chose in done/ or failed/.
 */
public final class SourceUri {

    /** A file counts as fully written when its size and time have not changed for this long. */
    static final long STABLE_MILLIS = 500;
    /** How often the lock checks whether a file is still being written. */
    static final long CHECK_INTERVAL_MILLIS = 200;
    /** Give up on a file that keeps changing for this long (it is tried again at the next poll). */
    static final long LOCK_TIMEOUT_MILLIS = 30_000;
    /** Pause between polls of the inbox when it is empty. */
    static final long POLL_DELAY_MILLIS = 250;
    /** Files taken per poll: bounds the work a shutdown has to finish. */
    static final int FILES_PER_POLL = 50;

    private SourceUri() {
    }

    /** The default source: the inbox folder. */
    public static String inbox(DataFolders folders) {
        return complete("file:" + folders.inbox(), folders);
    }

    /**
     * The endpoint for {@code --source}: a {@code kafka:} topic gets the consumer options that make it
     * safe ({@link KafkaSource}); a {@code file:} folder the inbox options; anything else is used as it is.
     *
     * @param consumers Kafka consumers in this process (one per partition at most is busy)
     */
    public static String complete(String uri, DataFolders folders, int consumers) {
        return KafkaSource.is(uri) ? KafkaSource.consumerUri(uri, consumers) : complete(uri, folders);
    }

    /** Adds the inbox options to a {@code file:} URI (the move options always, the others unless given); other URIs are used as they are. */
    public static String complete(String uri, DataFolders folders) {
        if (!uri.startsWith("file:")) return uri;
        int q = uri.indexOf('?');
        String base = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> options = options(uri);
        options.putIfAbsent("readLock", "changed");
        options.putIfAbsent("readLockCheckInterval", Long.toString(CHECK_INTERVAL_MILLIS));
        options.putIfAbsent("readLockMinAge", Long.toString(STABLE_MILLIS));
        // An empty file is a submission too (refused into failed/), not a file still being written.
        options.putIfAbsent("readLockMinLength", "0");
        options.putIfAbsent("readLockTimeout", Long.toString(LOCK_TIMEOUT_MILLIS));
        options.putIfAbsent("delay", Long.toString(POLL_DELAY_MILLIS));
        options.putIfAbsent("maxMessagesPerPoll", Integer.toString(FILES_PER_POLL));
        options.putIfAbsent("exclude", "^\\..*");
        // The route names the target (free in done/ and failed/); the consumer only renames to it.
        options.put("move", "${header." + IntakeHeaders.STORED_PATH + "}");
        // No moveFailed: an exchange fails only when nothing could be recorded for the file (its disk is
        // full, StorageGuard), and then the file stays in the inbox untouched, to be taken again once the
        // service resumes; a file moved aside then would be a file without its reason.
        options.remove("moveFailed");
        return withOptions(base, options);
    }

    /** The options of a URI's query, in their order, as written (not decoded: Camel decodes them). */
    static Map<String, String> options(String uri) {
        Map<String, String> options = new LinkedHashMap<>();
        int q = uri.indexOf('?');
        if (q < 0) return options;
        for (String pair : uri.substring(q + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            options.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return options;
    }

    static String withOptions(String base, Map<String, String> options) {
        StringBuilder sb = new StringBuilder(base);
        options.forEach((k, v) -> sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        return sb.toString();
    }
}

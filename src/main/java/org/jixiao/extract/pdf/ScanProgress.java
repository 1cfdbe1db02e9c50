package org.jixiao.extract.pdf;

import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line per recognised page of a long scan ("扫描件 x.pdf：第 3/12 页已识别（2.8 秒）"), so that a
 * user waiting on a scan of many pages sees it advance. The JVM's listener gets the lines: the
 * command line prints them on stderr; a reading child passes them to its parent on its stderr,
 * each starting with {@link #MARK}; without a listener they go to the log.
 */
public final class ScanProgress {

    /** Starts a progress line on a reading child's stderr, where the parent tells it from the child's log. */
    public static final String MARK = "\u0002jixiao-progress\t";

    /** A scan of at least this many pages reports each page: a one-page scan is done in seconds. */
    static final int MIN_PAGES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ScanProgress.class);
    private static volatile Consumer<String> listener;

    private ScanProgress() {
    }

    /** Where this JVM's progress lines go from now on; null: to the log. */
    public static void listen(Consumer<String> newListener) {
        listener = newListener;
    }

    /** Hands a progress line (one this JVM made, or one a reading child passed on) to the listener. */
    public static void deliver(String line) {
        Consumer<String> l = listener;
        if (l == null) LOG.info(line);
        else l.accept(line);
    }

    /** Reports that page {@code page} of {@code pages} was recognised in {@code millis}, when the file is long enough to watch. */
    static void pageRead(String file, int page, int pages, long millis) {
        if (pages >= MIN_PAGES) deliver(line(file, page, pages, millis));
    }

    static String line(String file, int page, int pages, long millis) {
        return String.format(Locale.ROOT, "扫描件 %s：第 %d/%d 页已识别（%.1f 秒）", file, page, pages, millis / 1000.0);
    }
}

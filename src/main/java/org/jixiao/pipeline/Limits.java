package org.jixiao.pipeline;

import java.time.Duration;

/**
 * What one file may cost, so that one bad file cannot stall a batch or the service: its size,
 * its pages and the time spent on it. Breaking a limit makes the file unreadable with a clear
 * reason; it never stops the batch.
 *
 * @param maxBytes largest file accepted
 * @param maxPages most pages read from a paged document
 * @param timeout  longest time spent on one file
 */
public record Limits(long maxBytes, int maxPages, Duration timeout) {

    /** 64 MB, 500 pages, 60 s: ten times the largest real report seen, well inside a 2-core machine's means. */
    public static final Limits DEFAULT = new Limits(64L * 1024 * 1024, 500, Duration.ofSeconds(60));
}

package org.jixiao.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place. Drawn only for an interactive terminal and
 * batches worth watching, so pipes and logs get no control characters.
 */
final class ProgressBar {

    /** Batches smaller than this finish before a bar would be worth reading. */
    static final int MIN_FILES = 5;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
        this.enabled = System.console() != null && total >= MIN_FILES;
    }

    void step(int done, String current) {
        if (!enabled) return;
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String name = current.length() > 40 ? "…" + current.substring(current.length() - 39) : current;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + name + "\u001B[K");
        err.flush();
    }

    void finish() {
        if (!enabled) return;
        err.print("\r\u001B[K");
        err.flush();
    }
}

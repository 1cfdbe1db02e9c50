package org.jixiao.index;

/** Another process is writing the index (Lucene's write lock is held); the message says so in Chinese. */
public final class IndexLockedException extends IllegalStateException {

    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}

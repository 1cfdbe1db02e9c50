package org.jixiao.store;

/** The database cannot be opened or written (not there, refused, disk full); the message is Chinese. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

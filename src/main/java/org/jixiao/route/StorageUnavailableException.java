package org.jixiao.route;

/**
 * The service cannot write now (its disk is full): the submission is not at fault and is left where
 * it came from — an inbox file stays in the inbox, an upload is refused with 503 — rather than being
 * recorded as failed. {@link #getMessage()} is the reason in Chinese.
 */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

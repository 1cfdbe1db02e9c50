package org.jixiao.index;

/** A search the user wrote wrongly; the message says why, in Chinese, for the user to fix it. */
public final class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}

package org.jixiao.index;

/**
 * The index directory holds an index this version cannot read correctly (written by an earlier
 * version of jixiao, or not by jixiao). Nothing is changed or deleted; the message says, in
 * Chinese, how to rebuild it.
 */
public final class IndexFormatException extends IllegalStateException {

    public IndexFormatException(String message) {
        super(message);
    }
}

package org.jixiao.extract.ocr;

/**
 * The recognition of a page went past a bound of its own (the worker's memory) and was stopped;
 * the message says which, in Chinese, for the page's finding.
 */
public final class OcrLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OcrLimitException(String reason) {
        super(reason);
    }
}

package org.jixiao.extract.ocr;

/** The recognition engine cannot run on this machine (no native runtime for the platform); the message is in Chinese. */
public final class OcrUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

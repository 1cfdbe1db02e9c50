package org.jixiao.ingest;

/**
 * A file that cannot be read as a report at all (empty, not a report format, damaged beyond
 * reading). The message is in Chinese and names the file, ready to show to the submitter.
 */
public class UnreadableInputException extends RuntimeException {

    private final String fileName;
    private final String reason;

    public UnreadableInputException(String fileName, String reason) {
        this(fileName, reason, null);
    }

    public UnreadableInputException(String fileName, String reason, Throwable cause) {
        super(fileName + "：" + reason, cause);
        this.fileName = fileName;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    /** The reason alone, without the file name. */
    public String reason() {
        return reason;
    }
}

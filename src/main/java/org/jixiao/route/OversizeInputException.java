package org.jixiao.route;

import org.jixiao.ingest.UnreadableInputException;

/** A submission larger than the service accepts: unreadable input, told apart so HTTP can answer 413. */
public final class OversizeInputException extends UnreadableInputException {

    public OversizeInputException(String fileName, long size, long limit) {
        super(fileName, "文件过大（" + megabytes(size) + " MB），超过上限 " + megabytes(limit) + " MB");
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes)
                .divide(java.math.BigDecimal.valueOf(1024L * 1024), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}

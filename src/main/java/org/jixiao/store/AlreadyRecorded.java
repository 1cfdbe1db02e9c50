package org.jixiao.store;

/**
 * A content taken from a queue that the store has already recorded (a second delivery of the same
 * SHA-256): nothing was written; the delivery is to be acknowledged and skipped.
 */
public final class AlreadyRecorded extends RuntimeException {

    private final String sha256;

    public AlreadyRecorded(String sha256) {
        super("SHA-256 为 " + sha256 + " 的文件已经记录过，未重复记录", null, false, false);
        this.sha256 = sha256;
    }

    public String sha256() {
        return sha256;
    }
}

package org.jixiao.route;

/** Names of the headers and properties the intake routes set; callers (REST) read the outcome from them. */
public final class IntakeHeaders {

    /** Submitted file name, cleaned ({@link SubmittedName}). */
    public static final String FILE_NAME = "JixiaoFileName";
    /** Hex SHA-256 of the content. */
    public static final String SHA256 = "JixiaoSha256";
    /** Name under which the submission is stored in done/ or failed/. */
    public static final String STORED_NAME = "JixiaoStoredName";
    /** Absolute path the file consumer moves the original to when the exchange completes. */
    public static final String STORED_PATH = "JixiaoStoredPath";
    /** {@link Outcome} of the submission. */
    public static final String OUTCOME = "JixiaoOutcome";
    /** For a duplicate: the stored name of the first submission with the same content. */
    public static final String DUPLICATE_OF = "JixiaoDuplicateOf";
    /** For a failure: why, in Chinese. */
    public static final String FAILURE = "JixiaoFailure";
    /** Property: the checked {@link org.jixiao.model.Report}. */
    public static final String REPORT = "JixiaoReport";
    /** Property: the original bytes must be written by the route (uploads, non-file sources) rather than moved by the consumer. */
    public static final String KEEP_ORIGINAL = "JixiaoKeepOriginal";
    /** Who submitted it: the logged-in user of an upload; absent for the inbox folder and other sources. */
    public static final String SUBMITTER = "JixiaoSubmitter";
    /** Property: the claim made for the submission. */
    public static final String CLAIM = "JixiaoClaim";
    /**
     * Property: the submission came from a queue that delivers again what was not acknowledged
     * ({@link KafkaSource}): its ending is recorded in the store of record first, once per content, and a
     * store that cannot be written fails the exchange instead of being caught up at the next start.
     */
    public static final String DELIVERY = "JixiaoDelivery";
    /** Property: the SHA-256 the sender declared; the content must have it. */
    public static final String DECLARED_SHA256 = "JixiaoDeclaredSha256";

    /** How a submission ended. */
    public enum Outcome {
        CHECKED, DUPLICATE, UNREADABLE, TOO_LARGE, ERROR,
        /** A queue delivered a content the store of record already has: acknowledged, nothing done. */
        ALREADY_RECORDED
    }

    private IntakeHeaders() {
    }
}

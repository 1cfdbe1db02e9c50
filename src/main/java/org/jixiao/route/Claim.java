package org.jixiao.route;

/**
 * What the content registry decided for a submission.
 *
 * @param kind        whether to check it, finish an interrupted check, or record it as a resubmission
 * @param storedName  the name it gets in done/ or failed/, free in both
 * @param duplicateOf for a duplicate, the stored name of the first submission of the same content
 */
public record Claim(Kind kind, String storedName, String duplicateOf) {

    public enum Kind {
        /** Content not seen before: check it. */
        NEW,
        /** Content whose JSON is in done/ but whose original never got there (the process stopped in between): check it again under the same name. */
        RESUME,
        /** The same bytes as a report already checked or being checked: record, do not check again. */
        DUPLICATE
    }
}

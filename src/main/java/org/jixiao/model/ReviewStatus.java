package org.jixiao.model;

/**
 * Where a checked report stands in review: every report arrives 待审; a reviewer sends it back
 * (退回, with the opinion saying why) or passes it (通过). A returned report's resubmission arrives
 * as a new submission, linked to this one.
 */
public enum ReviewStatus {
    PENDING("待审"),
    RETURNED("退回"),
    APPROVED("通过");

    private final String chinese;

    ReviewStatus(String chinese) {
        this.chinese = chinese;
    }

    /** The word reviewers use, shown on the page, in exports and in the audit trail. */
    public String chinese() {
        return chinese;
    }

    /** A status by its Chinese word or its English name; null when neither. */
    public static ReviewStatus parse(String text) {
        if (text == null) return null;
        for (ReviewStatus s : values()) {
            if (s.chinese.equals(text.strip()) || s.name().equalsIgnoreCase(text.strip())) return s;
        }
        return null;
    }

    /**
     * The moves a reviewer may make: a pending report is returned or passed; a decision can be
     * taken back to pending (a reviewer corrects a mistake), never jumped straight to the other one.
     */
    public boolean mayMoveTo(ReviewStatus next) {
        if (next == this) return false;
        return this == PENDING || next == PENDING;
    }
}

package org.jixiao.model;

/** How a submitted file ended: checked into a report, refused with a reason, or a copy of one already checked. */
public enum SubmissionOutcome {
    CHECKED("已检查"),
    FAILED("无法读取"),
    DUPLICATE("重复提交");

    private final String chinese;

    SubmissionOutcome(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}

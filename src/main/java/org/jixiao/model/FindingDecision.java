package org.jixiao.model;

/** A reviewer's word on one finding: 确认 (it stands, it goes into the 审核意见) or 忽略 (with a reason). */
public enum FindingDecision {
    CONFIRMED("确认"),
    DISMISSED("忽略");

    private final String chinese;

    FindingDecision(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** A decision by its Chinese word or its English name; null when neither. */
    public static FindingDecision parse(String text) {
        if (text == null) return null;
        for (FindingDecision d : values()) {
            if (d.chinese.equals(text.strip()) || d.name().equalsIgnoreCase(text.strip())) return d;
        }
        return null;
    }
}

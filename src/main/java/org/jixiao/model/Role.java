package org.jixiao.model;

/**
 * What a user of the service may do. 经办 submits reports; 审核 also reviews them; 管理 also
 * manages users and settings. Each role includes the ones before it.
 */
public enum Role {
    CLERK("经办"),
    REVIEWER("审核"),
    ADMIN("管理");

    private final String chinese;

    Role(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean mayUpload() {
        return true;
    }

    public boolean mayReview() {
        return this != CLERK;
    }

    public boolean mayAdminister() {
        return this == ADMIN;
    }

    /** A role by its Chinese word or its English name; null when neither. */
    public static Role parse(String text) {
        if (text == null) return null;
        for (Role r : values()) {
            if (r.chinese.equals(text.strip()) || r.name().equalsIgnoreCase(text.strip())) return r;
        }
        return null;
    }
}

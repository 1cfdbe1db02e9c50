package org.jixiao.model;

/** How much a finding matters to the reviewer. */
public enum Severity {
    /** A figure does not add up: the report cannot be accepted as it stands. */
    ERROR("错误"),
    /** The report is consistent but badly designed (indicators a reviewer would send back), or only partly read. */
    WARNING("警告"),
    /** Something the reviewer should know about how the file was read. */
    INFO("提示");

    private final String title;

    Severity(String title) {
        this.title = title;
    }

    /** The Chinese word shown to reviewers: 错误, 警告, 提示. */
    public String title() {
        return title;
    }
}

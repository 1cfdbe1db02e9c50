package org.jixiao.model;

/** How much a finding matters to the reviewer. */
public enum Severity {
    /** A figure does not add up: the report cannot be accepted as it stands. */
    ERROR,
    /** The report is consistent but badly designed (indicators a reviewer would send back). */
    WARNING,
    /** Something the reviewer should know about how the file was read. */
    INFO
}

package org.jixiao.verify;

import org.jixiao.model.Report;

/**
 * One check over a report. It adds its findings to {@code out}, none when the report passes; when
 * an input it needs is missing it checks what it can and says, through {@link Checks#skip}, what
 * it could not check and why.
 */
@FunctionalInterface
public interface Rule {
    void check(Report report, Checks out);
}

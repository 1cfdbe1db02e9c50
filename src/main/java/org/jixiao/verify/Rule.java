package org.jixiao.verify;

import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;

/** One check over a report; returns its findings, none when the report passes. */
@FunctionalInterface
public interface Rule {
    List<Finding> check(Report report);
}

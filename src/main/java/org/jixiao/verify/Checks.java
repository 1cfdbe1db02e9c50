package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Finding;

/** What the rules found in one report, and the checks they could not run with their Chinese reasons. */
public final class Checks {

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /** Adds a finding; on a figure recognised from a scan, its message says so and shows what was read. */
    public void add(Finding finding) {
        findings.add(ScannedFigures.noted(finding));
    }

    /** A check that could not run, e.g. "未能核对执行率：未读到全年执行数". */
    public void skip(String reason) {
        if (!skipped.contains(reason)) skipped.add(reason);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }
}

package org.jixiao.verify;

import java.util.List;
import org.jixiao.model.Report;
import org.jixiao.pipeline.Stage;

/** Runs every rule over a report and adds their findings and the checks they could not run. */
public final class Verifier implements Stage<Report, Report> {

    private final List<Rule> rules;

    public Verifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Report apply(Report report) {
        Checks checks = new Checks();
        for (Rule rule : rules) rule.check(report, checks);
        return ScannedFigures.counted(report).withFindings(checks.findings()).withSkippedChecks(checks.skipped());
    }
}

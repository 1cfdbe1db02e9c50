package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;
import org.jixiao.pipeline.Stage;

/** Runs every rule over a report and adds their findings. */
public final class Verifier implements Stage<Report, Report> {

    private final List<Rule> rules;

    public Verifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Report apply(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) findings.addAll(rule.check(report));
        return report.withFindings(findings);
    }
}

package org.jixiao.verify;

import org.jixiao.model.FormVariant;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;

/**
 * Which checks a form calls for, so that a check that could not run is reported as skipped only
 * where the form should have had its figures (a declaration has no execution rate to miss).
 */
final class FormScope {

    private FormScope() {
    }

    /** A self-evaluation: the form variant's family when known, else the report's kind. */
    static boolean selfEvaluation(Report r) {
        if (r.form() != null) return r.form().kind() == ReportKind.SELF_EVALUATION;
        return r.kind() == ReportKind.SELF_EVALUATION;
    }

    /** A self-evaluation whose funds block states 预算数/执行数/执行率; a bare scoring sheet has none. */
    static boolean evaluatesExecution(Report r) {
        return selfEvaluation(r) && r.form() != FormVariant.SCORING_SHEET;
    }
}

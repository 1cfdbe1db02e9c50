package org.jixiao.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One file as the store of record keeps it: who submitted it and when, how it ended, the figures a
 * list filters and sorts by, and where it stands in review.
 *
 * @param id            the store's number for it, in order of submission
 * @param sha256        hex digest of the file's bytes
 * @param fileName      the name as submitted
 * @param submittedAt   when it arrived
 * @param submitter     who submitted it (a user name, or the intake folder)
 * @param outcome       checked, failed or duplicate
 * @param reason        why it failed, or which submission it duplicates; empty when checked
 * @param kind          the report kind; null unless checked
 * @param year          the report year; null when not read
 * @param region        the region name; null when not read
 * @param project       the project name; null when not read
 * @param department    the department (主管部门 or 实施单位); null when not read
 * @param errors        findings of severity error
 * @param warnings      findings of severity warning
 * @param partlyRead    a section the form should have was not read
 * @param totalScore    the printed 总分; null when none
 * @param executionRate 执行率 as the report gives it, in percent; null when not printed
 * @param findingCodes  the code of each of the report's findings, in order; empty unless checked
 * @param status        where the report stands in review
 * @param predecessorId the earlier submission of the same project, year, region and kind; null when none
 */
public record Submission(long id, String sha256, String fileName, Instant submittedAt, String submitter,
                         SubmissionOutcome outcome, String reason, ReportKind kind, Integer year, String region,
                         String project, String department, int errors, int warnings, boolean partlyRead,
                         BigDecimal totalScore, BigDecimal executionRate, List<String> findingCodes,
                         ReviewStatus status, Long predecessorId) {

    public Submission {
        findingCodes = findingCodes == null ? List.of() : List.copyOf(findingCodes);
    }
}

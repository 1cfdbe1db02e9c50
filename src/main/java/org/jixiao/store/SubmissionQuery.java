package org.jixiao.store;

import java.math.BigDecimal;
import org.jixiao.model.ReportKind;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.SubmissionOutcome;

/**
 * What a list of submissions is filtered and sorted by; a null field does not filter.
 *
 * @param status     review status
 * @param outcome    checked, failed or duplicate
 * @param region     region name, exactly
 * @param year       report year
 * @param kind       report kind
 * @param partlyRead only reports read in part (true) or only complete ones (false)
 * @param withErrors only reports with at least one error finding
 * @param sort       the order
 * @param limit      most rows returned
 * @param executionRate only reports whose execution rate (in percent) lies in this range
 * @param totalScore only reports whose total score lies in this range
 * @param findingCode only reports with at least one finding of this code
 */
public record SubmissionQuery(ReviewStatus status, SubmissionOutcome outcome, String region, Integer year,
                              ReportKind kind, Boolean partlyRead, Boolean withErrors, Sort sort, int limit,
                              Range executionRate, Range totalScore, String findingCode) {

    /** Most rows one query returns when none is asked for. */
    public static final int DEFAULT_LIMIT = 500;

    public static final SubmissionQuery ALL = new SubmissionQuery(null, null, null, null, null, null, null,
            Sort.NEWEST_FIRST, DEFAULT_LIMIT);

    public SubmissionQuery {
        sort = sort == null ? Sort.NEWEST_FIRST : sort;
        limit = limit <= 0 ? DEFAULT_LIMIT : limit;
    }

    /** A query without the figure and finding filters. */
    public SubmissionQuery(ReviewStatus status, SubmissionOutcome outcome, String region, Integer year, ReportKind kind,
                           Boolean partlyRead, Boolean withErrors, Sort sort, int limit) {
        this(status, outcome, region, year, kind, partlyRead, withErrors, sort, limit, null, null, null);
    }

    public SubmissionQuery withStatus(ReviewStatus s) {
        return new SubmissionQuery(s, outcome, region, year, kind, partlyRead, withErrors, sort, limit, executionRate, totalScore, findingCode);
    }

    public SubmissionQuery withOutcome(SubmissionOutcome o) {
        return new SubmissionQuery(status, o, region, year, kind, partlyRead, withErrors, sort, limit, executionRate, totalScore, findingCode);
    }

    public SubmissionQuery withRegion(String r) {
        return new SubmissionQuery(status, outcome, r, year, kind, partlyRead, withErrors, sort, limit, executionRate, totalScore, findingCode);
    }

    public SubmissionQuery withYear(Integer y) {
        return new SubmissionQuery(status, outcome, region, y, kind, partlyRead, withErrors, sort, limit, executionRate, totalScore, findingCode);
    }

    public SubmissionQuery sortedBy(Sort s) {
        return new SubmissionQuery(status, outcome, region, year, kind, partlyRead, withErrors, s, limit, executionRate, totalScore, findingCode);
    }

    public SubmissionQuery withExecutionRate(Range r) {
        return new SubmissionQuery(status, outcome, region, year, kind, partlyRead, withErrors, sort, limit, r, totalScore, findingCode);
    }

    public SubmissionQuery withTotalScore(Range r) {
        return new SubmissionQuery(status, outcome, region, year, kind, partlyRead, withErrors, sort, limit, executionRate, r, findingCode);
    }

    public SubmissionQuery withFindingCode(String code) {
        return new SubmissionQuery(status, outcome, region, year, kind, partlyRead, withErrors, sort, limit, executionRate, totalScore, code);
    }

    /**
     * A range of a figure; a null bound is open. The dashboard counts its bands with
     * {@link #contains} and the list filters with the same bounds, so a click on a band lists
     * exactly the reports counted in it.
     *
     * @param min         lower bound, or null
     * @param minIncluded whether a value equal to min is inside
     * @param max         upper bound, or null
     * @param maxIncluded whether a value equal to max is inside
     */
    public record Range(BigDecimal min, boolean minIncluded, BigDecimal max, boolean maxIncluded) {

        public boolean contains(BigDecimal v) {
            if (v == null) return false;
            if (min != null && (minIncluded ? v.compareTo(min) < 0 : v.compareTo(min) <= 0)) return false;
            return max == null || (maxIncluded ? v.compareTo(max) <= 0 : v.compareTo(max) < 0);
        }
    }

    /** The orders a list offers; each maps to a fixed ORDER BY clause (never text from a request). */
    public enum Sort {
        NEWEST_FIRST("submitted_at DESC, id DESC"),
        OLDEST_FIRST("submitted_at ASC, id ASC"),
        MOST_ERRORS("errors DESC, warnings DESC, id DESC"),
        REGION("region ASC, report_year DESC, id DESC"),
        YEAR("report_year DESC, region ASC, id DESC");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }
}

/**
 * Fourth stage: recomputes what the submitter computed (rates, scores, totals, sums) and checks
 * the design of the indicators, adding located findings in Chinese (codes, severities and titles
 * from {@link org.jixiao.model.FindingCode}) and the checks that could not run with their reasons
 * ({@code skippedChecks}). Rules and thresholds come from {@code mappings/rules.yaml}.
 */
package org.jixiao.verify;

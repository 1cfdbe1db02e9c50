/**
 * Fourth stage: recomputes what the submitter computed (rates, scores, totals, sums) and checks
 * the design of the indicators, adding located findings in Chinese. Rules and thresholds come
 * from {@code mappings/rules.yaml}.
 */
package org.jixiao.verify;

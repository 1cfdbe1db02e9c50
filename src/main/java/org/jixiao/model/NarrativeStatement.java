package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A figure stated in the prose, located so a reviewer can find the sentence.
 *
 * @param subject    indicator name, or a funds field name such as {@code executionRate}
 * @param attribute  what the figure is: target, actual, weight, score, value, count
 * @param value      the number, null for qualitative statements
 * @param unit       unit as printed after normalisation, null when none
 * @param comparator stated relation, null when none
 * @param text       the statement's own text (the clause it was read from)
 * @param start      character offset of the clause in the narrative
 * @param end        end offset (exclusive)
 */
public record NarrativeStatement(String subject, String attribute, BigDecimal value, String unit,
                                 Comparator comparator, String text, int start, int end) implements Serializable {
}

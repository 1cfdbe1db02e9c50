package org.jixiao.index;

import java.util.Locale;
import java.util.Optional;

/**
 * The numbers a search can compare and sort on ({@code --where 'executionRate<90'}), each with the
 * kind of document that carries it and its Chinese label for messages.
 */
public enum NumericField {
    EXECUTION_RATE("executionRate", "执行率", SearchResult.Hit.REPORT),
    TOTAL_SCORE("totalScore", "总分", SearchResult.Hit.REPORT),
    INITIAL_BUDGET("initialBudget", "年初预算数", SearchResult.Hit.REPORT),
    ADJUSTED_BUDGET("adjustedBudget", "调整后预算数", SearchResult.Hit.REPORT),
    EXECUTED("executed", "执行数", SearchResult.Hit.REPORT),
    EXECUTION_SCORE("executionScore", "预算执行得分", SearchResult.Hit.REPORT),
    TOTAL_AMOUNT("totalAmount", "项目总金额", SearchResult.Hit.REPORT),
    CURRENT_YEAR_AMOUNT("currentYearAmount", "本年度项目金额", SearchResult.Hit.REPORT),
    WEIGHT("weight", "分值", SearchResult.Hit.INDICATOR),
    SCORE("score", "得分", SearchResult.Hit.INDICATOR),
    TARGET_VALUE("targetValue", "目标值", SearchResult.Hit.INDICATOR),
    ACTUAL_VALUE("actualValue", "实际完成值", SearchResult.Hit.INDICATOR),
    AMOUNT("amount", "明细金额", SearchResult.Hit.BUDGET);

    private final String fieldName;
    private final String label;
    private final String documentType;

    NumericField(String fieldName, String label, String documentType) {
        this.fieldName = fieldName;
        this.label = label;
        this.documentType = documentType;
    }

    /** The name users type and the index field. */
    public String fieldName() {
        return fieldName;
    }

    public String label() {
        return label;
    }

    String documentType() {
        return documentType;
    }

    /** By field name, ignoring case ({@code executionrate} is fine). */
    public static Optional<NumericField> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (NumericField f : values()) {
            if (f.fieldName.toLowerCase(Locale.ROOT).equals(wanted)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** All field names, for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (NumericField f : values()) sb.append(sb.isEmpty() ? "" : ", ").append(f.fieldName);
        return sb.toString();
    }
}

package org.jixiao.model;

/**
 * The Chinese names of the report's fields that findings name as their subject ({@code
 * executionRate}, {@code priorYear} …), so that tables and the CSV say 执行率 rather than the JSON
 * name. Subjects that are not fields (an indicator's name, 第 N 页) are shown as they are.
 */
public enum ReportField {
    INITIAL_BUDGET("initialBudget", "年初预算数"),
    ADJUSTED_BUDGET("adjustedBudget", "全年预算数"),
    EXECUTED("executed", "全年执行数"),
    EXECUTION_RATE("executionRate", "执行率"),
    EXECUTION_WEIGHT("executionWeight", "预算执行分值"),
    EXECUTION_SCORE("executionScore", "预算执行得分"),
    TOTAL_AMOUNT("totalAmount", "项目总金额"),
    CURRENT_YEAR_AMOUNT("currentYearAmount", "本年度项目金额"),
    SOURCES("sources", "资金来源"),
    SOURCES_TOTAL("sourcesTotal", "资金总额"),
    PRIOR_YEAR("priorYear", "上年度资金"),
    BUDGET_ITEMS("budgetItems", "项目概算"),
    TOTAL_SCORE("totalScore", "总分"),
    INDICATORS("indicators", "绩效指标"),
    WEIGHTS("weights", "分值合计"),
    FUNDS("funds", "项目资金"),
    PROJECT("project", "基本信息");

    private final String json;
    private final String label;

    ReportField(String json, String label) {
        this.json = json;
        this.label = label;
    }

    /** The field's name in the JSON contract. */
    public String json() {
        return json;
    }

    /** The Chinese name reviewers know the field by. */
    public String label() {
        return label;
    }

    /** The Chinese name of a finding's subject when it is a report field, else the subject as it is. */
    public static String labelOf(String subject) {
        if (subject == null) return "";
        for (ReportField f : values()) if (f.json.equals(subject)) return f.label;
        return subject;
    }
}

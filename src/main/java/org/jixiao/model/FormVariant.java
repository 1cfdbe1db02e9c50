package org.jixiao.model;

/**
 * Which form of the two families a document is: the project forms, the whole-department forms,
 * the regional transfer-payment forms, an approval form, a scoring sheet, a prose notice, or a
 * bare evaluation-indicator table. {@link #kind()} is the family; null for a bare indicator table,
 * which neither evaluates nor declares.
 */
public enum FormVariant {
    PROJECT_SELF_EVALUATION(ReportKind.SELF_EVALUATION, "项目支出绩效自评表"),
    DEPARTMENT_SELF_EVALUATION(ReportKind.SELF_EVALUATION, "部门整体支出绩效自评表"),
    TRANSFER_SELF_EVALUATION(ReportKind.SELF_EVALUATION, "转移支付区域（项目）绩效自评表"),
    SCORING_SHEET(ReportKind.SELF_EVALUATION, "绩效评价评分表"),
    PROJECT_DECLARATION(ReportKind.TARGET_DECLARATION, "项目支出绩效目标申报表"),
    DEPARTMENT_DECLARATION(ReportKind.TARGET_DECLARATION, "部门整体支出绩效目标表"),
    TRANSFER_DECLARATION(ReportKind.TARGET_DECLARATION, "转移支付区域（项目）绩效目标表"),
    APPROVAL_FORM(ReportKind.TARGET_DECLARATION, "绩效目标审批表"),
    TARGET_NOTICE(ReportKind.TARGET_DECLARATION, "绩效目标公示"),
    INDICATOR_TABLE(null, "绩效评价指标表");

    private final ReportKind kind;
    private final String title;

    FormVariant(ReportKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    /** The family, null for a bare indicator table. */
    public ReportKind kind() {
        return kind;
    }

    /** The Chinese name reviewers know the form by. */
    public String title() {
        return title;
    }
}

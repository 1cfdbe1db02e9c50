package org.jixiao.model;

/** The two document families a bureau receives. */
public enum ReportKind {
    /** 绩效自评表 / 自评报告: reports what was achieved against last year's targets. */
    SELF_EVALUATION,
    /** 绩效目标申报表: declares targets and the budget before the money is spent. */
    TARGET_DECLARATION
}

package org.jixiao.model;

import java.math.BigDecimal;

/**
 * The one catalogue of finding codes: every code a report, the CSV or the web page can show, with
 * its default severity, the Chinese title reviewers see, a one-line Chinese explanation and the
 * figure it concerns (a JSON path of the report, or {@code page}/{@code file} for problems of the
 * input itself). {@link Finding#code()} stays the code's name in JSON, a stable identifier; the
 * rules, the CLI, the CSV, the API and the web page all take code, severity and title from here.
 */
public enum FindingCode {
    EXECUTION_RATE_MISMATCH(Severity.ERROR, "执行率计算不符",
            "填报的执行率与 全年执行数 ÷ 全年预算数 不符", "funds.executionRate"),
    EXECUTION_SCORE_MISMATCH(Severity.ERROR, "执行得分不符",
            "预算执行得分与 分值 × min(1, 执行数 ÷ 预算数) 不符", "funds.executionScore"),
    INDICATOR_SCORE_MISMATCH(Severity.ERROR, "指标得分不符",
            "指标得分与按目标值、实际完成值和分值重算的得分不符，或超过分值、为负数", "indicators"),
    TOTAL_SCORE_MISMATCH(Severity.ERROR, "总分不符",
            "总分与预算执行得分加各指标得分之和不符", "totalScore"),
    BUDGET_ITEMS_SUM_MISMATCH(Severity.ERROR, "项目概算合计不符",
            "项目概算各项合计与项目总金额（或预算数）不符", "budgetItems"),
    FUND_SOURCES_SUM_MISMATCH(Severity.ERROR, "资金来源合计不符",
            "各项资金来源合计与其分解的资金总额不符", "funds.sources"),
    PRIOR_YEAR_MISMATCH(Severity.ERROR, "上年度资金使用不符",
            "上年度结余资金不等于预算安排减实际使用，或使用率与 实际使用 ÷ 预算安排 不符", "funds.priorYear"),
    NARRATIVE_MISMATCH(Severity.ERROR, "文字与表格不一致",
            "正文叙述的数字与表中同一数字不同（以表为准），或叙述的指标个数与表中不同", "statements"),
    DUPLICATE_INDICATOR(Severity.WARNING, "指标重复",
            "同一个三级指标设置了不止一次", "indicators"),
    MISCLASSIFIED_INDICATOR(Severity.WARNING, "指标归类不当",
            "时效指标设在质量或数量指标下，或满意度指标设在产出或效益指标下", "indicators"),
    TARGET_TOO_LOW(Severity.WARNING, "目标值偏低",
            "正向定量指标的实际完成值达到目标值的数倍（倍数见 rules.yaml），目标设置过低", "indicators"),
    MISSING_BENEFIT_INDICATORS(Severity.WARNING, "缺少效益指标",
            "没有任何效益指标（经济、社会、生态效益或可持续影响）", "indicators"),
    VAGUE_TARGET(Severity.WARNING, "目标不可衡量",
            "目标值没有可衡量的数值、时限或标准", "indicators"),
    WEIGHT_SUM_MISMATCH(Severity.WARNING, "分值合计不符",
            "自评表的预算执行分值与各指标分值合计不等于满分，或一个类别标注的分值不等于其下指标分值之和", "indicators"),
    NO_INDICATORS(Severity.WARNING, "未读出指标表",
            "报告中没有可识别的绩效指标表（仅用于没有读取覆盖信息的报告）", "indicators"),
    SECTION_NOT_READ(Severity.WARNING, "部分内容未读取",
            "表样应有的一部分（资金、指标、概算等）没有读到，报告未完整读取，其中的数字未经核对", "coverage"),
    NO_TEXT_LAYER(Severity.ERROR, "扫描页无文字层",
            "PDF 某页是扫描图片，没有文字层，其中的数字无法读取和核对", "page"),
    GARBLED_TEXT(Severity.ERROR, "文字乱码",
            "PDF 某页的文字层乱码（字体缺少 Unicode 映射），该页内容未纳入审核", "page"),
    UNREADABLE_PAGE(Severity.ERROR, "页面损坏",
            "PDF 某页内容已损坏，该页内容未纳入审核", "page"),
    OCR_PAGE(Severity.INFO, "扫描页经文字识别",
            "PDF 某页没有可用的文字层，其内容是从扫描图像识别（OCR）出来的；识别出的数字可能有误，请对照原件核对", "page"),
    OCR_LOW_CONFIDENCE(Severity.ERROR, "扫描页识别不可靠",
            "PDF 某页经文字识别（OCR）的置信度过低，为免产生错误数字，该页内容未纳入审核", "page"),
    UNREADABLE_FILE(Severity.ERROR, "文件无法读取",
            "整个文件无法读取（扫描件、加密、损坏或超出限制），原因见说明；只出现在 CSV 和无法读取的文件清单中", "file");

    private final Severity severity;
    private final String title;
    private final String explanation;
    private final String figure;

    FindingCode(Severity severity, String title, String explanation, String figure) {
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
        this.figure = figure;
    }

    /** The stable identifier written into {@link Finding#code()} and the JSON. */
    public String code() {
        return name();
    }

    /** The severity a finding of this code has unless the rule lowers it (a score explained by rounding). */
    public Severity severity() {
        return severity;
    }

    /** Short Chinese name shown in tables, the CSV and the web page. */
    public String title() {
        return title;
    }

    /** One Chinese sentence saying when the code is raised. */
    public String explanation() {
        return explanation;
    }

    /** The figure concerned: a JSON path of the report, {@code page} or {@code file}. */
    public String figure() {
        return figure;
    }

    /** True for codes a report's findings may hold (UNREADABLE_FILE only names a file no report came of). */
    public boolean inReports() {
        return this != UNREADABLE_FILE;
    }

    public Finding finding(String subject, String message, BigDecimal expected, BigDecimal reported, Location location) {
        return new Finding(name(), severity, subject, message, expected, reported, location);
    }

    public Finding finding(Severity lowered, String subject, String message, BigDecimal expected, BigDecimal reported,
                           Location location) {
        return new Finding(name(), lowered, subject, message, expected, reported, location);
    }

    public Finding finding(String subject, String message, Location location) {
        return finding(subject, message, null, null, location);
    }

    /** The catalogue entry of a code as written in a finding, or null for a code not in the catalogue. */
    public static FindingCode of(String code) {
        for (FindingCode c : values()) if (c.name().equals(code)) return c;
        return null;
    }

    /** The Chinese title of a code as written in a finding; the code itself when it is not in the catalogue. */
    public static String titleOf(String code) {
        FindingCode c = of(code);
        return c == null ? code : c.title;
    }
}

package org.jixiao.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Finding;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceInfo;
import org.jixiao.normalize.QuantityParser;
import org.jixiao.normalize.RegionResolver;

/** Builds reports for index tests the way the pipeline would, targets parsed by the real normaliser. */
public final class ReportFixture {

    public static final QuantityParser QUANTITIES =
            new QuantityParser(Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class));
    public static final RegionResolver REGIONS = new RegionResolver(Mappings.bundled());

    private final String sha;
    ReportKind kind = ReportKind.SELF_EVALUATION;
    int year = 2020;
    String region = "湖北省";
    String regionCode = "420000";
    String project = "测试项目";
    String department;
    BigDecimal adjusted, executed, rate, total;
    final List<Indicator> indicators = new ArrayList<>();
    final List<BudgetItem> items = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    private ReportFixture(String sha) {
        this.sha = sha;
    }

    /** A report identified by {@code sha} (any unique text; it stands for the file's digest). */
    public static ReportFixture report(String sha) {
        return new ReportFixture(sha);
    }

    public ReportFixture region(String name, String code) {
        this.region = name;
        this.regionCode = code;
        return this;
    }

    public ReportFixture year(int year) {
        this.year = year;
        return this;
    }

    public ReportFixture kind(ReportKind kind) {
        this.kind = kind;
        return this;
    }

    public ReportFixture project(String project) {
        this.project = project;
        return this;
    }

    public ReportFixture funds(String adjusted, String executed, String rate) {
        this.adjusted = d(adjusted);
        this.executed = d(executed);
        this.rate = d(rate);
        return this;
    }

    public ReportFixture total(String total) {
        this.total = d(total);
        return this;
    }

    public ReportFixture indicator(String level1, String level2, String name, String target, String actual,
                            String weight, String score) {
        indicators.add(new Indicator(level1, level2, name, target, actual, d(weight), d(score),
                QUANTITIES.parse(target), actual == null ? null : QUANTITIES.parse(actual),
                weight == null ? null : "table", null));
        return this;
    }

    /** An indicator with only a name (ranking tests care about names). */
    public ReportFixture indicator(String level1, String level2, String name) {
        return indicator(level1, level2, name, "达标", "达标", "5", "5");
    }

    public ReportFixture item(String name, String amount) {
        items.add(new BudgetItem(name, d(amount), null, null));
        return this;
    }

    public ReportFixture finding(String code, String subject) {
        findings.add(Finding.of(code, Severity.ERROR, subject, "测试问题"));
        return this;
    }

    public Report build() {
        Funds funds = new Funds(null, adjusted, executed, rate, null, null, null, null, null, List.of(), null);
        return new Report(kind, year, region, regionCode, year + "年" + project + "绩效自评表",
                new SourceInfo(sha + ".txt", sha, "text/plain", null), new Project(project, department, null),
                funds, indicators, items, total, findings, List.of());
    }

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}

package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FundSource;
import org.jixiao.model.Funds;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Indicator;
import org.jixiao.model.Location;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SectionCoverage;
import org.jixiao.normalize.QuantityParser;

/** Builds small reports for rule tests, parsing targets and actuals with the real normaliser. */
final class TestReports {

    static final QuantityParser QUANTITIES =
            new QuantityParser(Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class));

    ReportKind kind = ReportKind.SELF_EVALUATION;
    String regionCode = "420000";
    BigDecimal initial, adjusted, executed, rate, weight, score, totalAmount, total;
    PriorYear priorYear;
    List<FundSource> sources = new ArrayList<>();
    BigDecimal sourcesTotal;
    final List<Indicator> indicators = new ArrayList<>();
    final List<BudgetItem> items = new ArrayList<>();
    final List<NarrativeStatement> statements = new ArrayList<>();
    final List<SectionCoverage> coverage = new ArrayList<>();
    final Map<String, Location> locations = new HashMap<>();
    FormVariant form;

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    TestReports funds(String adjusted, String executed, String rate, String weight, String score) {
        this.adjusted = d(adjusted);
        this.executed = d(executed);
        this.rate = d(rate);
        this.weight = d(weight);
        this.score = d(score);
        return this;
    }

    /** A consistent self-evaluation: 20 + 80 points, the execution block of seed 000. */
    static TestReports consistent() {
        return new TestReports()
                .funds("1688.91", "1550.59", "91.81", "20", "18.36")
                .indicator("产出指标", "数量指标", "办件数量", "≥15 个", "16 个", "40", "40")
                .indicator("效益指标", "社会效益指标", "群众办事时间", "≤3 天", "2 天", "40", "40")
                .total("98.36");
    }

    TestReports indicator(String level1, String level2, String name, String target, String actual, String weight, String score) {
        indicators.add(new Indicator(level1, level2, name, target, actual, d(weight), d(score),
                QUANTITIES.parse(target), QUANTITIES.parse(actual), weight == null ? null : "table", null));
        return this;
    }

    /** An indicator whose categories state their weights (产出指标(50分) | 数量指标(20分)). */
    TestReports weighted(String level1, String level1Weight, String level2, String level2Weight, String name,
                         String target, String weight) {
        indicators.add(new Indicator(level1, level2, name, target, null, d(weight), null,
                QUANTITIES.parse(target), null, weight == null ? null : "table", null, d(level1Weight), d(level2Weight)));
        return this;
    }

    /** The same indicator row read at a place of the source. */
    TestReports indicatorAt(Location at, String level1, String level2, String name, String target, String actual,
                            String weight, String score) {
        indicators.add(new Indicator(level1, level2, name, target, actual, d(weight), d(score),
                QUANTITIES.parse(target), QUANTITIES.parse(actual), weight == null ? null : "table", at));
        return this;
    }

    TestReports located(String path, Location at) {
        locations.put(path, at);
        return this;
    }

    TestReports total(String total) {
        this.total = d(total);
        return this;
    }

    Report build() {
        Funds funds = new Funds(initial, adjusted, executed, rate, weight, score, totalAmount, null, priorYear,
                sources, sourcesTotal);
        return new Report(kind, 2021, null, regionCode, "测试报告", null, new Project("测试项目", null, null), funds,
                indicators, items, total, List.of(), statements, form, coverage, List.of(), locations);
    }
}

package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FundSource;
import org.jixiao.model.Location;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SectionCoverage;
import org.junit.jupiter.api.Test;

/** Every finding carries where its figure stands: the figure's cell, else its section, else the prose. */
class FindingLocationTest {

    private static final Location RATE = new Location(1, null, 4, 6, null, null);
    private static final Location SCORE = new Location(1, null, 4, 8, null, null);
    private static final Location TOTAL = new Location(3, null, 20, 2, null, null);
    private static final Location FUNDS = new Location(1, null, 2);

    private static TestReports consistent() {
        return new TestReports()
                .funds("1688.91", "1550.59", "91.81", "20", "18.36")
                .indicatorAt(new Location(2, null, 7, 5, null, null), "产出指标", "数量指标", "办件数量", "≥15 个", "16 个", "40", "40")
                .indicator("效益指标", "社会效益指标", "群众办事时间", "≤3 天", "2 天", "40", "40")
                .total("98.36")
                .located("funds.executionRate", RATE)
                .located("funds.executionScore", SCORE)
                .located("totalScore", TOTAL);
    }

    @Test
    void fundsFindingsCarryTheirFiguresLocation() {
        Report r = assertFindings(consistent().funds("1688.91", "1550.59", "93.50", "20", "20").total("100").build(),
                "EXECUTION_RATE_MISMATCH/executionRate", "EXECUTION_SCORE_MISMATCH/executionScore");
        assertEquals(RATE, only(r, "EXECUTION_RATE_MISMATCH").location());
        assertEquals(SCORE, only(r, "EXECUTION_SCORE_MISMATCH").location());
        assertEquals(TOTAL, only(assertFindings(consistent().total("95").build(), "TOTAL_SCORE_MISMATCH/totalScore"),
                "TOTAL_SCORE_MISMATCH").location());
    }

    @Test
    void withoutTheFiguresLocationTheSectionsStands() {
        TestReports t = consistent().funds("1688.91", "1550.59", "93.50", "20", "18.36");
        t.locations.clear();
        t.coverage.add(new SectionCoverage("funds", "项目资金", true, true, 1, List.of(), List.of(), FUNDS));
        assertEquals(FUNDS, only(assertFindings(t.build(), "EXECUTION_RATE_MISMATCH/executionRate"), "EXECUTION_RATE_MISMATCH").location());
    }

    @Test
    void indicatorFindingsCarryTheRowsLocationWithItsColumn() {
        Location row = new Location(2, null, 7, 5, null, null);
        Report r = assertFindings(consistent().funds("1688.91", "1550.59", "91.81", "20", "18.36").build());
        assertEquals(row, r.indicators().get(0).location());
        TestReports t = new TestReports().indicatorAt(row, "产出指标", "数量指标", "被测指标", "≥300条", "240条", "10", "10")
                .indicator("效益指标", "社会效益指标", "受益人数", "≥100 人", "100 人", "10", "10");
        assertEquals(row, only(assertFindings(t.build(), "INDICATOR_SCORE_MISMATCH/被测指标"), "INDICATOR_SCORE_MISMATCH").location());
    }

    @Test
    void priorYearSourcesAndBudgetItemsCarryTheirFiguresLocation() {
        Location balance = new Location(1, null, 12, 4, null, null);
        Location useRate = new Location(1, null, 12, 5, null, null);
        Location sourcesTotal = new Location(1, null, 15, 3, null, null);
        Location items = new Location(2, null, 1);
        TestReports t = new TestReports();
        t.kind = ReportKind.TARGET_DECLARATION;
        t.totalAmount = new BigDecimal("300.00");
        t.indicator("效果目标", "社会效益", "服务人数", "≥80万", null, null, null);
        t.priorYear = new PriorYear(new BigDecimal("621.11"), new BigDecimal("432.49"), new BigDecimal("198.62"), new BigDecimal("60.00"));
        t.sourcesTotal = new BigDecimal("300.00");
        t.sources = List.of(new FundSource("财政拨款", new BigDecimal("250.00")));
        t.items.add(new BudgetItem("软件维护", new BigDecimal("200.00"), null, null));
        t.located("funds.priorYear.balance", balance).located("funds.priorYear.useRate", useRate)
                .located("funds.sourcesTotal", sourcesTotal).located("budgetItems", items);
        Report r = assertFindings(t.build(), "PRIOR_YEAR_MISMATCH/priorYear", "FUND_SOURCES_SUM_MISMATCH/sources",
                "BUDGET_ITEMS_SUM_MISMATCH/budgetItems");
        List<Location> prior = r.findings().stream().filter(f -> f.code().equals("PRIOR_YEAR_MISMATCH")).map(f -> f.location()).toList();
        assertEquals(List.of(balance, useRate), prior);
        assertEquals(sourcesTotal, only(r, "FUND_SOURCES_SUM_MISMATCH").location());
        assertEquals(items, only(r, "BUDGET_ITEMS_SUM_MISMATCH").location());
    }

    @Test
    void narrativeFindingsPointAtTheStatement() {
        TestReports t = consistent();
        t.statements.add(new NarrativeStatement("executionRate", "value", new BigDecimal("95.00"), "%", null,
                "资金执行率 95.00%", 120, 131));
        t.statements.add(new NarrativeStatement("办件数量", "target", new BigDecimal("20"), "个", null,
                "年初目标值为 20 个", 200, 210));
        Report r = assertFindings(t.build(), "NARRATIVE_MISMATCH/executionRate", "NARRATIVE_MISMATCH/办件数量");
        for (var f : r.findings()) {
            Location expected = f.subject().equals("executionRate") ? Location.narrative(120, 131) : Location.narrative(200, 210);
            assertEquals(expected, f.location(), f.toString());
        }
    }
}

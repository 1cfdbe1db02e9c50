package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FundSource;
import org.jixiao.model.Indicator;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two real documents in ../shared/seeds, checked for the values the foundation, verification
 * and narrative issues list (run when the seeds are present, as in CI).
 */
class SeedReportsTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());
    private static Report hubei;
    private static Report jiangyin;

    /**
     * Each test is skipped, visibly and with the reason, when ../shared/seeds is absent: an
     * assumption in {@code @BeforeAll} would report the class as zero tests instead.
     */
    @org.junit.jupiter.api.BeforeEach
    void seedsPresent() {
        assumeTrue(Corpus.seeds() != null, "../shared/seeds is absent (CI has it): seed cases skipped");
    }

    @BeforeAll
    static void read() throws Exception {
        Path seeds = Corpus.seeds();
        if (seeds == null) return;
        hubei = PIPELINE.process(seeds.resolve("000_033a6845e524da79.txt"));
        jiangyin = PIPELINE.process(seeds.resolve("004_199958f69ddf781d.txt"));
        ObjectMapper json = new ObjectMapper();
        ReportSchema.assertValid(json.readTree(ReportJson.write(hubei)), "seed 000");
        ReportSchema.assertValid(json.readTree(ReportJson.write(jiangyin)), "seed 004");
    }

    @Test
    void hubeiHeaderAndFunds() {
        assertEquals(ReportKind.SELF_EVALUATION, hubei.kind());
        assertEquals(2020, hubei.year());
        assertEquals("湖北省", hubei.region());
        assertEquals("420000", hubei.regionCode());
        assertEquals("信息化运行维护经费", hubei.project().name());
        assertEquals("湖北省人力资源和社会保障厅", hubei.project().department());
        assertEquals("湖北省人力资源和社会保障信息中心", hubei.project().implementingUnit());
        assertMoney("1688.91", hubei.funds().adjustedBudget());
        assertMoney("1550.59", hubei.funds().executed());
        assertMoney("91.81", hubei.funds().executionRate());
        assertMoney("18.36", hubei.funds().executionScore());
        assertMoney("20", hubei.funds().executionWeight());
        assertMoney("1779.83", hubei.funds().initialBudget());
        assertMoney("98.36", hubei.totalScore());
    }

    @Test
    void hubeiIndicators() {
        List<Indicator> rows = hubei.indicators();
        assertEquals(10, rows.size());
        assertEquals(List.of("社保卡制卡人数", "信息系统运行稳定", "网络稳定性", "数据丢失率", "故障处理响应时间",
                "信息系统运行稳定", "信息安全保障", "信息系统运行稳定", "网上办件事项", "试行综合柜员制数据的市州数量"),
                rows.stream().map(Indicator::name).toList());
        assertEquals(Set.of("产出指标"), rows.stream().map(Indicator::level1).collect(Collectors.toSet()));
        assertEquals(List.of("数量指标", "质量指标", "质量指标", "质量指标", "质量指标", "质量指标", "质量指标", "质量指标",
                "数量指标", "数量指标"), rows.stream().map(Indicator::level2).toList());
        assertEquals("持卡人数 5917 万(当年制卡人数 300 万张)", rows.get(0).target());
        assertEquals("持卡人数 6085 万(当年制卡人数 300 万张)", rows.get(0).actual());
        assertEquals("6 小时以内", rows.get(4).target());
        assertEquals("15 个", rows.get(8).target());
        assertEquals("85 个", rows.get(8).actual());
        assertEquals("省级和 6 个市州", rows.get(9).actual());
        assertEquals(List.of(5, 10, 8, 8, 9, 10, 10, 10, 5, 5), rows.stream().map(i -> i.score().intValueExact()).toList());
        // The table has no 分值 column: the weights come from the narrative and sum to 80.
        assertEquals(List.of(5, 10, 8, 8, 9, 10, 10, 10, 5, 5), rows.stream().map(i -> i.weight().intValueExact()).toList());
        assertEquals(Set.of("narrative"), rows.stream().map(Indicator::weightSource).collect(Collectors.toSet()));
    }

    @Test
    void hubeiNarrativeStatesTargetWeightAndScoreOfEveryIndicatorAsTheTableDoes() {
        // The k-th paragraph about an indicator name goes with the k-th table row of that name.
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Indicator row : hubei.indicators()) {
            int k = seen.merge(row.name(), 1, Integer::sum) - 1;
            for (String attribute : List.of("target", "weight", "score")) {
                List<org.jixiao.model.NarrativeStatement> said = hubei.statements().stream()
                        .filter(st -> st.subject().equals(row.name()) && st.attribute().equals(attribute)).toList();
                assertTrue(said.size() > k, row.name() + " has no " + attribute + " statement #" + (k + 1));
                BigDecimal table = switch (attribute) {
                    case "target" -> row.targetValue().value();
                    case "weight" -> row.weight();
                    default -> row.score();
                };
                assertMoney(table.toPlainString(), said.get(k).value());
            }
        }
        // Actuals are stated as figures only where the prose gives one (数据丢失率为 0, 网上办件事项85个).
        assertTrue(hubei.statements().stream().anyMatch(st -> st.subject().equals("网上办件事项")
                && st.attribute().equals("actual") && st.value().compareTo(new BigDecimal("85")) == 0));
        assertEquals(Set.of(), hubei.findings().stream().filter(f -> f.code().equals("NARRATIVE_MISMATCH"))
                .map(f -> f.subject()).collect(Collectors.toSet()));
    }

    @Test
    void hubeiFindingsAreTheFourProblemsTheReportAdmits() {
        assertEquals(Set.of("DUPLICATE_INDICATOR/信息系统运行稳定", "MISCLASSIFIED_INDICATOR/故障处理响应时间",
                "TARGET_TOO_LOW/网上办件事项", "MISSING_BENEFIT_INDICATORS/indicators"), keys(hubei));
    }

    @Test
    void jiangyinHeaderAndFunds() {
        assertEquals(ReportKind.TARGET_DECLARATION, jiangyin.kind());
        assertEquals(2020, jiangyin.year());
        assertEquals("江阴市", jiangyin.region());
        assertEquals("320281", jiangyin.regionCode());
        assertEquals("人社局2020年维保项目", jiangyin.project().name());
        assertMoney("300.00", jiangyin.funds().totalAmount());
        assertMoney("300.00", jiangyin.funds().currentYearAmount());
        assertMoney("621.11", jiangyin.funds().priorYear().budget());
        assertMoney("432.49", jiangyin.funds().priorYear().used());
        assertMoney("188.62", jiangyin.funds().priorYear().balance());
        assertMoney("69.63", jiangyin.funds().priorYear().useRate());
        assertMoney("300", jiangyin.funds().sourcesTotal());
        List<FundSource> sources = jiangyin.funds().sources();
        assertEquals(10, sources.size());
        assertEquals("财政专项拨款资金", sources.get(1).name());
        assertMoney("300", sources.get(1).amount());
        assertEquals(0, sources.stream().map(FundSource::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(new BigDecimal("300")));
        assertNull(jiangyin.totalScore());
    }

    @Test
    void jiangyinTargetsWithLevelsFilledDown() {
        List<Indicator> rows = jiangyin.indicators();
        assertEquals(39, rows.size());
        assertEquals(List.of("投入与目标管理", "产出目标", "效果目标", "影响力目标"),
                rows.stream().map(Indicator::level1).distinct().toList());
        Indicator first = rows.get(0);
        assertEquals(List.of("投入与目标管理", "投入管理", "资金调整率", "≤10%"),
                List.of(first.level1(), first.level2(), first.name(), first.target()));
        // Rows whose cells the conversion shifted around the merged 社会效益 cell.
        Indicator served = byName(rows, "服务参保人员数量");
        assertEquals(List.of("效果目标", "社会效益", "≥80万"), List.of(served.level1(), served.level2(), served.target()));
        Indicator accidents = byName(rows, "安全事故发生数");
        assertEquals(List.of("效果目标", "社会效益", "=0次"), List.of(accidents.level1(), accidents.level2(), accidents.target()));
        Indicator satisfaction = byName(rows, "网上服务满意率");
        assertEquals(List.of("满意度", "≥99%"), List.of(satisfaction.level2(), satisfaction.target()));
        assertEquals("信息共享字段数量", rows.get(rows.size() - 1).name());
    }

    @Test
    void jiangyinBudgetItems() {
        List<BudgetItem> items = jiangyin.budgetItems();
        assertEquals(13, items.size());
        assertEquals("“E人E本”劳动监察分色预警平台流量费", items.get(0).name());
        assertMoney("44.40", items.get(0).amount());
        assertEquals("云问智能机器人项目", items.get(12).name());
        assertMoney("300.00", items.stream().map(BudgetItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void jiangyinFindingsAreTheVagueTarget() {
        assertEquals(Set.of("VAGUE_TARGET/软件开发完成时限"), keys(jiangyin));
    }

    private static Set<String> keys(Report r) {
        return r.findings().stream().map(f -> f.code() + "/" + f.subject()).collect(Collectors.toSet());
    }

    private static Indicator byName(List<Indicator> rows, String name) {
        return rows.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }
}

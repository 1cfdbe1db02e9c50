package org.jixiao.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;
import org.jixiao.pipeline.Corpus;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/** Changing one figure in the prose of a report raises NARRATIVE_MISMATCH naming it, and nothing else. */
class NarrativeMismatchRuleTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());

    private static final String REPORT = String.join("\n",
            "2021 年度长沙县农村饮水安全维修养护项目自评结果",
            "",
            "一、执行情况",
            "",
            "2021 年度项目年初预算数 500.00 万元，调整后预算数 480.00 万元，实际支出 456.00 万元，资金执行率 95.00%。",
            "",
            "项目设置绩效指标 2 个，已全部完成。",
            "",
            "①维修养护供水工程数量年初目标值为 40 处。2021 年完成维修养护 44 处，完成年初目标。该项指标标准分值为 40 分，实际得分 40 分。",
            "",
            "②受益人口年初目标值为不少于 3 万人。全年受益人口 3.2 万人。该项指标标准分值为 40 分，实际得分 40 分。",
            "",
            "2021 年度长沙县农村饮水安全维修养护项目自评表",
            "",
            "项目名称\t\t农村饮水安全维修养护",
            "主管部门\t\t长沙县水利局\t项目实施单位\t长沙县农村供水服务中心",
            "预算执行情况 (万元) (20分)\t\t\t预算数(A)\t执行数(B)\t执行率 (B/A)\t得分(20分 *执行率)",
            "\t\t年度财政资金总额:\t480.00\t456.00\t95.00%\t19.00",
            "\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分",
            "年度绩效 目标 1\t产出指标\t数量指标\t维修养护供水工程数量\t40 处\t44 处\t40",
            "\t效益指标\t社会效益指标\t受益人口\t不少于 3 万人\t3.2 万人\t40",
            "",
            "总分\t99.00",
            "");

    private static Report check(String text) throws Exception {
        Path file = Files.createTempFile("narrative", ".txt");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return PIPELINE.process(file);
        } finally {
            Files.delete(file);
        }
    }

    private static Set<String> keys(Report r) {
        return r.findings().stream().map(f -> f.code() + "/" + f.subject()).collect(Collectors.toSet());
    }

    @Test
    void consistentProseRaisesNothing() throws Exception {
        Report r = check(REPORT);
        assertEquals(Set.of(), keys(r), r.findings().toString());
        assertEquals(0, new BigDecimal("500.00").compareTo(r.funds().initialBudget()), "年初预算数 read from the prose");
    }

    @Test
    void changedTargetInTheProseIsNamed() throws Exception {
        Report r = check(REPORT.replace("年初目标值为 40 处", "年初目标值为 45 处"));
        assertEquals(Set.of("NARRATIVE_MISMATCH/维修养护供水工程数量"), keys(r), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals(0, new BigDecimal("40").compareTo(f.expected()));
        assertEquals(0, new BigDecimal("45").compareTo(f.reported()));
        assertTrue(f.message().contains("45") && f.message().contains("以表为准"), f.message());
    }

    @Test
    void changedRateScoreAndCountAreNamed() throws Exception {
        assertEquals(Set.of("NARRATIVE_MISMATCH/executionRate"), keys(check(REPORT.replace("资金执行率 95.00%", "资金执行率 96.00%"))));
        assertEquals(Set.of("NARRATIVE_MISMATCH/受益人口"), keys(check(REPORT.replace("标准分值为 40 分，实际得分 40 分。\n\n2021", "标准分值为 40 分，实际得分 40 分。\n\n2021")
                .replace("全年受益人口 3.2 万人。该项指标标准分值为 40 分，实际得分 40 分", "全年受益人口 3.2 万人。该项指标标准分值为 40 分，实际得分 36 分"))));
        assertEquals(Set.of("NARRATIVE_MISMATCH/indicators"), keys(check(REPORT.replace("项目设置绩效指标 2 个", "项目设置绩效指标 3 个"))));
    }

    @Test
    void onTheRealSeedChangingOneFigureNamesIt() throws Exception {
        Path seeds = Corpus.seeds();
        assumeTrue(seeds != null, "seeds not present");
        String seed = Files.readString(seeds.resolve("000_033a6845e524da79.txt"), StandardCharsets.UTF_8);
        String changed = seed.replace("网上办件事项年初目标值为 15 个", "网上办件事项年初目标值为 20 个");
        assertTrue(!changed.equals(seed));
        Set<String> keys = keys(check(changed));
        assertTrue(keys.contains("NARRATIVE_MISMATCH/网上办件事项"), keys.toString());
        assertEquals(5, keys.size(), keys.toString());
    }
}

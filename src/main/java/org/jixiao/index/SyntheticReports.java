package org.jixiao.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Comparator;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.Project;
import org.jixiao.model.Quantity;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceInfo;

/**
 * Made-up reports for the benchmarks: deterministic from a seed, spread over the real regions of the
 * region table and a span of years (six for {@link IndexBenchmark}, ten for {@link ProvinceBenchmark}),
 * with indicator names composed the way forms compose them (subject + measure). Not for tests of
 * behaviour: nothing here is a real document.
 */
final class SyntheticReports {

    static final int FIRST_YEAR = 2019;
    static final int YEARS = 6;

    static final String[] SUBJECTS = {"故障处理", "设备维护", "社保卡制卡", "职业技能培训", "新增就业", "农村供水",
            "网站服务", "数据库巡检", "信息系统运行", "投诉处理", "医保参保", "困难群众救助", "道路养护", "污水处理",
            "垃圾清运", "绿化养护", "校舍维修", "疫苗接种", "档案数字化", "政务服务", "应急演练", "消防检查",
            "食品抽检", "农田灌溉", "林木种植", "文化下乡", "图书借阅", "体育设施", "公交运营", "路灯维护"};
    /** Qualifiers forms put before a subject; with them the vocabulary has thousands of names, as real corpora do. */
    static final String[] QUALIFIERS = {"", "城区", "农村", "全市", "重点", "新增", "年度", "市级", "县级", "街道",
            "社区", "乡镇", "学校", "医院", "企业", "园区", "公共", "一般", "专项", "日常", "季度", "累计", "线上",
            "线下", "应急", "示范", "基层", "老旧", "智慧", "标准化"};
    static final String[] MEASURES = {"次数", "人数", "响应时间", "合格率", "覆盖率", "满意度", "完成率", "及时率",
            "数量", "完成时限"};
    private static final String[][] LEVELS = {
            {"产出指标", "数量指标"}, {"产出指标", "数量指标"}, {"产出指标", "时效指标"}, {"产出指标", "质量指标"},
            {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"}, {"产出指标", "质量指标"},
            {"产出指标", "时效指标"}, {"产出指标", "数量指标"}, {"产出指标", "时效指标"}};
    private static final String[] UNITS = {"次", "人", "小时", "%", "%", "%", "%", "%", "个", "天"};
    private static final String[] DEPARTMENTS = {"人力资源和社会保障局", "教育局", "卫生健康委员会", "交通运输局",
            "农业农村局", "生态环境局", "文化广电和旅游局", "民政局", "水利局", "住房和城乡建设局"};
    private static final FindingCode[] FINDINGS = {FindingCode.TOTAL_SCORE_MISMATCH,
            FindingCode.EXECUTION_RATE_MISMATCH, FindingCode.VAGUE_TARGET, FindingCode.DUPLICATE_INDICATOR,
            FindingCode.MISSING_BENEFIT_INDICATORS};

    record Place(String code, String name) {
    }

    private final long seed;
    private final int years;
    private final List<Place> places;

    SyntheticReports(long seed, Mappings mappings) {
        this(seed, YEARS, mappings);
    }

    /** Reports over {@code years} years from {@link #FIRST_YEAR}. */
    SyntheticReports(long seed, int years, Mappings mappings) {
        if (years < 1) throw new IllegalArgumentException("years < 1");
        this.seed = seed;
        this.years = years;
        this.places = places(mappings);
    }

    int years() {
        return years;
    }

    List<Place> places() {
        return places;
    }

    /** The n-th report, with {@code indicators} rows: the same for the same seed and n, whichever thread asks. */
    Report next(int n, int indicators) {
        Random random = new Random(seed * 1_000_003L + n);
        Place place = places.get(random.nextInt(places.size()));
        int year = FIRST_YEAR + random.nextInt(years);
        ReportKind kind = random.nextInt(3) == 0 ? ReportKind.TARGET_DECLARATION : ReportKind.SELF_EVALUATION;
        String department = place.name() + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        String project = SUBJECTS[random.nextInt(SUBJECTS.length)] + "专项经费" + n;
        BigDecimal budget = money(50 + random.nextInt(5000));
        BigDecimal rate = BigDecimal.valueOf(6000 + random.nextInt(4001), 2); // 60.00 … 100.00
        BigDecimal executed = budget.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        List<Indicator> rows = new ArrayList<>(indicators);
        for (int i = 0; i < indicators; i++) {
            int s = random.nextInt(SUBJECTS.length);
            int m = random.nextInt(MEASURES.length);
            BigDecimal target = BigDecimal.valueOf(1 + random.nextInt(100));
            BigDecimal actual = target.add(BigDecimal.valueOf(random.nextInt(21) - 10));
            BigDecimal weight = BigDecimal.valueOf(2 + random.nextInt(9));
            BigDecimal score = kind == ReportKind.SELF_EVALUATION ? weight.subtract(BigDecimal.valueOf(random.nextInt(3))) : null;
            String unit = UNITS[m];
            String qualifier = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
            rows.add(new Indicator(LEVELS[m][0], LEVELS[m][1], qualifier + SUBJECTS[s] + MEASURES[m], "≥" + target + unit,
                    kind == ReportKind.SELF_EVALUATION ? actual + unit : null, weight, score,
                    new Quantity(Comparator.GE, target, unit, null),
                    kind == ReportKind.SELF_EVALUATION ? new Quantity(null, actual, unit, null) : null, "table", null));
        }
        List<BudgetItem> items = List.of(new BudgetItem("设备购置", budget.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP), "购置", null),
                new BudgetItem("运行维护", budget.subtract(budget.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP)), "维护", null));
        List<Finding> findings = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            findings.add(FINDINGS[random.nextInt(FINDINGS.length)].finding(Severity.WARNING, "indicators", "合成问题", null, null, null));
        }
        Funds funds = kind == ReportKind.SELF_EVALUATION
                ? new Funds(budget, budget, executed, rate, BigDecimal.TEN, rate.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP),
                        null, null, null, List.of(), null)
                : new Funds(null, null, null, null, null, null, budget, budget, null, List.of(), null);
        String sha = HexFormat.of().formatHex(longBytes(n)) + "synthetic";
        return new Report(kind, year, place.name(), place.code(), year + "年度" + project + "绩效报告",
                new SourceInfo("synthetic-" + n + ".txt", sha, "text/plain", null),
                new Project(project, department, department), funds, rows, items,
                kind == ReportKind.SELF_EVALUATION ? BigDecimal.valueOf(7000 + random.nextInt(3001), 2) : null,
                findings, List.of());
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--, v >>= 8) b[i] = (byte) v;
        return b;
    }

    private static BigDecimal money(int wan) {
        return BigDecimal.valueOf(wan).setScale(2);
    }

    /** Every region of the table (the benchmark spreads reports over real codes, so lineages are real). */
    private static List<Place> places(Mappings mappings) {
        List<Place> out = new ArrayList<>();
        try (InputStream in = mappings.open("regions/gbt2260.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                out.add(new Place(f[0].strip(), f[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

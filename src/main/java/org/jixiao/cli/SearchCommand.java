package org.jixiao.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.index.Condition;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.SearchLocation;
import org.jixiao.index.SearchStore;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.TextMatching;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.FindingCode;
import org.jixiao.model.ReportKind;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.output.KindNames;
import org.jixiao.output.ReportJson;
import org.jixiao.output.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "检索已索引的报告与指标。查询词为空时列出符合筛选条件的全部条目。")
final class SearchCommand implements Callable<Integer> {

    private static final String REGIONS_FILE = "regions/gbt2260.csv";
    private static final String TOWNSHIPS_FILE = "regions/townships.csv";

    private static final Pattern YEARS = Pattern.compile("\\s*(\\d{4})\\s*(?:(?:\\.\\.|-|～|~)\\s*(\\d{4})\\s*)?");

    @Spec
    CommandSpec spec;

    @ParentCommand
    JixiaoCommand parent;

    @Parameters(paramLabel = "QUERY", arity = "0..1", defaultValue = "", description = "查询词，例如 故障响应时间；可为空")
    String query;

    @picocli.CommandLine.Mixin
    SearchOption search = new SearchOption();

    @Option(names = "--index", paramLabel = "DIR", defaultValue = IndexCommand.DEFAULT_INDEX, description = "索引目录（默认 ${DEFAULT-VALUE}）")
    Path indexDir;

    @Option(names = "--region", paramLabel = "R", description = "地区：名称、简称或代码（江苏省 / 江苏 / 320000），含下辖地区")
    String region;

    @Option(names = "--year", paramLabel = "Y|Y1..Y2", description = "年度或年度范围，例如 2020 或 2019..2021")
    String years;

    @Option(names = "--kind", paramLabel = "K", description = "报告类型：SELF_EVALUATION（绩效自评）或 TARGET_DECLARATION（目标申报）")
    String kind;

    @Option(names = "--level1", paramLabel = "L", description = "一级指标，例如 产出指标")
    String level1;

    @Option(names = "--finding", paramLabel = "CODE", description = "问题代码，例如 TOTAL_SCORE_MISMATCH")
    String finding;

    @Option(names = "--where", paramLabel = "EXPR", description = "数值条件，例如 'executionRate<90' 或 'score>=5 and weight<=10'")
    String where;

    @Option(names = "--sort", paramLabel = "FIELD", description = "按数值字段排序，前加 - 为降序，例如 -executionRate")
    String sort;

    @Option(names = "--history", description = "同时显示已被新版本取代的历史报告")
    boolean history;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "最多显示条数（默认 ${DEFAULT-VALUE}）")
    int limit;

    @Option(names = "--matching", paramLabel = "MODE", hidden = true, description = "文本匹配方式：${COMPLETION-CANDIDATES}")
    TextMatching matching;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SearchLocation location = search.location(spec, indexDir);
        indexDir = location.directory();
        String refusal = IndexPaths.refusal(indexDir);
        if (refusal != null) {
            err.println("jixiao search：" + refusal);
            return 2;
        }
        SearchRequest request;
        try {
            request = request();
        } catch (InvalidQueryException e) {
            err.println("jixiao search：" + e.getMessage());
            return 2;
        }
        SearchResult result;
        try (SearchStore searcher = location.openReader()) {
            result = searcher.search(request);
        } catch (InvalidQueryException e) {
            err.println("jixiao search：" + e.getMessage());
            return 2;
        }
        if (result.hits().isEmpty()) {
            // Nothing found for a value that cannot exist: say which value, not 没有找到.
            String unknown = unknownValue();
            if (unknown != null) {
                err.println("jixiao search：" + unknown);
                return 2;
            }
        }
        if (json) out.println(toJson(result));
        else out.print(SearchTable.render(result));
        out.flush();
        return 0;
    }

    private SearchRequest request() {
        Integer from = null;
        Integer to = null;
        if (years != null) {
            Matcher m = YEARS.matcher(years);
            if (!m.matches()) throw new InvalidQueryException("无法理解年度“" + years + "”：应写成 2020 或 2019..2021");
            from = Integer.valueOf(m.group(1));
            to = m.group(2) == null ? from : Integer.valueOf(m.group(2));
            if (from > to) throw new InvalidQueryException("年度范围“" + years + "”的起始年份晚于结束年份");
        }
        if (limit <= 0) throw new InvalidQueryException("--limit 必须大于 0");
        if (kind != null && !kind.isBlank() && !knownKind(kind.strip())) {
            // Named here, in the words every CLI output uses for the kinds (绩效自评 / 目标申报).
            throw new InvalidQueryException("未知的报告类型“" + kind.strip() + "”，可用：SELF_EVALUATION（"
                    + KindNames.of(ReportKind.SELF_EVALUATION) + "）、TARGET_DECLARATION（" + KindNames.of(ReportKind.TARGET_DECLARATION) + "）");
        }
        List<Condition> conditions = Condition.parse(where);
        return new SearchRequest(query, region, from, to, kind, level1, finding, conditions, history, sort,
                limit, true, matching);
    }

    /** The kinds the index understands: an enum name, or words containing 自评, 申报 or 目标. */
    private static boolean knownKind(String k) {
        for (ReportKind r : ReportKind.values()) if (r.name().equalsIgnoreCase(k)) return true;
        return k.contains("自评") || k.contains("申报") || k.contains("目标");
    }

    /** What is wrong with --finding or --region when it names no catalogue code or no region at all; null when both may exist. */
    private String unknownValue() throws IOException {
        if (finding != null && !finding.isBlank() && FindingCode.of(finding.strip().toUpperCase(Locale.ROOT)) == null) {
            return "未知的问题代码“" + finding.strip() + "”：不是问题目录中的代码（例如 TOTAL_SCORE_MISMATCH，见 README 的 Findings 一节）";
        }
        if (region != null && !region.isBlank() && !knownRegion(region.replaceAll("\\s+", ""))) {
            return "未知的地区“" + region.strip() + "”：不是 GB/T 2260 行政区划中的名称、简称或代码（例如 江苏省、江苏、320000）";
        }
        return null;
    }

    /** A GB/T 2260 code, the start of a region's name (江苏 for 江苏省), or a township of the mappings by its full name. */
    private boolean knownRegion(String r) throws IOException {
        Mappings mappings = Mappings.load(parent.mappingsDir);
        boolean code = r.chars().allMatch(Character::isDigit);
        for (String file : List.of(REGIONS_FILE, TOWNSHIPS_FILE)) {
            List<String> lines;
            try (var in = mappings.open(file)) {
                lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).toList();
            } catch (IOException e) {
                if (file.equals(TOWNSHIPS_FILE)) continue; // a mappings directory may have none
                throw e;
            }
            for (String line : lines) {
                String[] f = line.split(",", -1);
                if (f.length < 2) continue;
                String value = file.equals(REGIONS_FILE) && code ? f[0].strip() : f[file.equals(REGIONS_FILE) ? 1 : 0].strip();
                // Names of prefectures and counties match by their start (江苏 → 江苏省), as the search does;
                // townships only by their whole name (火星 is not 火星街道 of 长沙).
                boolean prefix = !code && file.equals(REGIONS_FILE);
                if (prefix ? value.startsWith(r) : value.equals(r)) return true;
            }
        }
        return !code && new RegionResolver(mappings).find(r) != null;
    }

    private static String toJson(SearchResult result) {
        try {
            return ReportJson.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The readable table: one line per hit, facet counts underneath. */
    static final class SearchTable {

        private static final int REGION = 10;
        private static final int YEAR = 6;
        private static final int PROJECT = 26;
        private static final int INDICATOR = 30;
        private static final int TARGET = 16;
        private static final int ACTUAL = 18;
        private static final int SCORE = 8;

        private SearchTable() {
        }

        static String render(SearchResult result) {
            StringBuilder sb = new StringBuilder();
            if (result.hits().isEmpty()) {
                sb.append("没有找到符合条件的条目。\n");
                return sb.toString();
            }
            sb.append(TerminalText.pad("地区", REGION)).append(TerminalText.pad("年度", YEAR)).append(TerminalText.pad("项目", PROJECT))
                    .append(TerminalText.pad("指标", INDICATOR)).append(TerminalText.pad("目标值", TARGET)).append(TerminalText.pad("实际完成值", ACTUAL))
                    .append(TerminalText.pad("得分", SCORE)).append("文件").append('\n');
            for (SearchResult.Hit h : result.hits()) {
                String indicator;
                String target;
                String actual;
                BigDecimal score;
                switch (h.type()) {
                    case "report" -> {
                        indicator = "（整份报告）";
                        target = h.amount() == null ? "" : "预算 " + plain(h.amount()) + " 万元";
                        actual = h.executionRate() == null ? "" : "执行率 " + plain(h.executionRate()) + "%";
                        score = h.totalScore();
                    }
                    case "budget" -> {
                        indicator = "预算明细：" + nz(h.name());
                        target = "";
                        actual = h.amount() == null ? "" : plain(h.amount()) + " 万元";
                        score = null;
                    }
                    default -> {
                        indicator = nz(h.name());
                        target = nz(h.target());
                        actual = nz(h.actual());
                        score = h.score();
                    }
                }
                if (!h.current()) indicator = "〔历史〕" + indicator;
                sb.append(TerminalText.pad(nz(h.region()), REGION)).append(TerminalText.pad(h.year() == null ? "" : h.year().toString(), YEAR))
                        .append(TerminalText.pad(nz(h.project()), PROJECT)).append(TerminalText.pad(indicator, INDICATOR))
                        .append(TerminalText.pad(target, TARGET)).append(TerminalText.pad(actual, ACTUAL))
                        .append(TerminalText.pad(score == null ? "" : plain(score), SCORE)).append(nz(h.file())).append('\n');
            }
            sb.append("共 ").append(result.total()).append(" 条");
            if (result.total() > result.hits().size()) sb.append("，显示前 ").append(result.hits().size()).append(" 条");
            sb.append("。\n");
            for (SearchResult.Facet f : result.facets()) {
                sb.append(f.dimension());
                if (!f.path().isEmpty()) sb.append("（").append(String.join("/", f.path())).append("）");
                sb.append("：");
                for (int i = 0; i < f.counts().size(); i++) {
                    SearchResult.Count c = f.counts().get(i);
                    String value = "类型".equals(f.dimension()) ? KindNames.ofName(c.value()) : c.value();
                    sb.append(i == 0 ? "" : "  ").append(value).append(' ').append(c.count());
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private static String plain(BigDecimal v) {
            return v.stripTrailingZeros().toPlainString();
        }
    }
}

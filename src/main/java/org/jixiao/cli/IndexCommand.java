package org.jixiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchLocation;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = "检查报告并写入检索索引（同一文件再次索引时替换；同一项目的新版本成为当前版本，旧版本保留为历史）。")
final class IndexCommand implements Callable<Integer> {

    /** The index the commands use when none is named. */
    static final String DEFAULT_INDEX = "data/index";

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "报告文件或目录（递归）")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT_INDEX, description = "索引目录（默认 ${DEFAULT-VALUE}）")
    Path indexDir;

    @picocli.CommandLine.Mixin
    SearchOption search = new SearchOption();

    @Option(names = "--delete", paramLabel = "SHA256", description = "从索引中删除该 sha256 的报告（可重复）")
    List<String> deletes = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && deletes.isEmpty()) {
            err.println("请给出要索引的文件或目录，或用 --delete 指定要删除的报告");
            return 2;
        }
        SearchLocation location = search.location(spec, indexDir);
        indexDir = location.directory();
        String refusal = IndexPaths.refusal(indexDir);
        if (refusal != null) {
            err.println("jixiao index：" + refusal);
            return 2;
        }
        CheckCommand.Inputs found = CheckCommand.inputs(paths);
        List<Path> inputs = found.files().stream().map(CheckCommand.Input::path).toList();
        for (Path dir : found.withoutReports()) err.println("jixiao index：" + CheckCommand.noReportFiles(dir));
        if (inputs.isEmpty() && deletes.isEmpty()) return 1;
        int failed = 0;
        Map<ReportIndex.Outcome, Integer> outcomes = new EnumMap<>(ReportIndex.Outcome.class);
        // Another writer, or an index of an older layout: the shared handler prints the message.
        try (ReportIndex index = location.openIndex(regions(parent))) {
            for (String sha : deletes) {
                if (index.delete(sha.strip())) out.println("已删除 " + sha.strip());
                else {
                    err.println("索引中没有 sha256 为 " + sha.strip() + " 的报告");
                    failed++;
                }
            }
            ProgressBar bar = new ProgressBar(err, inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                Path in = inputs.get(i);
                bar.step(i, in.toString());
                try {
                    Report r = parent.pipeline().process(in);
                    outcomes.merge(index.add(r), 1, Integer::sum);
                } catch (UnreadableInputException e) {
                    failed++;
                    bar.finish();
                    err.println("无法读取 " + in + "：" + UserReason.of(e));
                }
                index.commitIfDue();
            }
            bar.finish();
        }
        if (!inputs.isEmpty()) {
            out.println("已索引 " + outcomes.values().stream().mapToInt(Integer::intValue).sum() + " 份报告（新增 "
                    + outcomes.getOrDefault(ReportIndex.Outcome.ADDED, 0) + "，重复索引替换 "
                    + outcomes.getOrDefault(ReportIndex.Outcome.REPLACED, 0) + "，新版本取代旧版本 "
                    + outcomes.getOrDefault(ReportIndex.Outcome.SUPERSEDED, 0) + "），无法读取 " + failed
                    + " 个；索引目录：" + indexDir);
        }
        out.flush();
        return failed > 0 || !found.withoutReports().isEmpty() ? 1 : 0;
    }

    static RegionResolver regions(JixiaoCommand parent) {
        return new RegionResolver(Mappings.load(parent.mappingsDir));
    }
}

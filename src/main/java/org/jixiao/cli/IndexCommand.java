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

    /** The data folder the commands share with {@code serve} when none is named. */
    static final String DEFAULT_DATA = "data";

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "报告文件或目录（递归）")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--index", paramLabel = "DIR",
            description = "只写入该索引目录，不记入数据库（网页打不开这些报告）；默认写入 <数据目录>/index 并记入数据目录的数据库")
    Path indexDir;

    @Option(names = "--data", paramLabel = "DIR",
            description = "数据目录（默认 data）：报告记入其数据库并写入其索引（DIR/index），与 serve、check --data 共用，网页可打开检索到的每份报告；"
                    + "serve 正在运行时索引由服务从数据库补入")
    Path data;

    @Option(names = "--store", paramLabel = "JDBC-URL",
            description = "记入共享数据库 jdbc:postgresql://…（账号取自环境变量 JIXIAO_DB_USER、JIXIAO_DB_PASSWORD）")
    String store;

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
        // The data folder is the default: what is indexed is also recorded, so the web page opens
        // every report search finds. Only an index named on its own (--index DIR) is written alone.
        if (indexDir == null && data == null) data = Path.of(DEFAULT_DATA);
        if (indexDir == null) indexDir = data.resolve("index");
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
        DataFolderWrites writes = data == null ? null : DataFolderWrites.open(data, store, "jixiao index", err);
        if (data != null && writes == null) return 1;
        try (DataFolderWrites records = writes;
             ReportIndex index = writes == null ? location.openIndex(regions(parent)) : writes.openIndex(location, indexDir, regions(parent))) {
            if (index == null && !deletes.isEmpty()) {
                err.println("jixiao index：索引 " + indexDir + " 正由运行中的服务（serve）使用，无法删除；请在服务停止后再删除");
                return 1;
            }
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
                    if (records != null) records.checked(r, in);
                    if (index != null) outcomes.merge(index.add(r), 1, Integer::sum);
                    else outcomes.merge(ReportIndex.Outcome.ADDED, 1, Integer::sum);
                } catch (UnreadableInputException e) {
                    failed++;
                    bar.finish();
                    err.println("无法读取 " + in + "：" + UserReason.of(e));
                    if (records != null) records.failed(in, UserReason.of(e));
                }
                if (index != null) index.commitIfDue();
            }
            bar.finish();
        }
        if (!inputs.isEmpty()) {
            out.println("已索引 " + outcomes.values().stream().mapToInt(Integer::intValue).sum() + " 份报告（新增 "
                    + outcomes.getOrDefault(ReportIndex.Outcome.ADDED, 0) + "，重复索引替换 "
                    + outcomes.getOrDefault(ReportIndex.Outcome.REPLACED, 0) + "，新版本取代旧版本 "
                    + outcomes.getOrDefault(ReportIndex.Outcome.SUPERSEDED, 0) + "），无法读取 " + failed
                    + " 个；" + (indexDir != null ? "索引目录：" + indexDir : "检索库：" + location)
                    + (data == null ? "（未记入数据库）" : "；数据目录：" + data));
        }
        out.flush();
        return failed > 0 || !found.withoutReports().isEmpty() ? 1 : 0;
    }

    static RegionResolver regions(JixiaoCommand parent) {
        return new RegionResolver(Mappings.load(parent.mappingsDir));
    }
}

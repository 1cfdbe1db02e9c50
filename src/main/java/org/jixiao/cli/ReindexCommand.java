package org.jixiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jixiao.index.ReportIndex;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.ContentRegistry;
import org.jixiao.route.DataFolders;
import org.jixiao.route.ReportSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the search index from what was checked: every original kept in {@code data/done/},
 * read again and added in the order it was submitted, so the newest version of each project is
 * current again. The old index is moved aside, never deleted.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "从已检查的报告（数据目录的 done/）重建检索索引：按提交顺序重新读取每份原件，"
                + "同一项目的最新版本仍为当前版本；原索引移到旁边保留，不删除。")
final class ReindexCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "数据目录（默认 ${DEFAULT-VALUE}）")
    Path data;

    @Option(names = "--index", paramLabel = "DIR", description = "索引目录（默认为数据目录下的 index/）")
    Path indexDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataFolders folders = DataFolders.under(data);
        if (indexDir != null) folders = folders.withIndex(indexDir);
        if (!Files.isDirectory(folders.done())) {
            err.println("jixiao reindex：" + folders.done() + " 不存在：没有已检查的报告可用来重建索引（检查过的报告保存在数据目录的 done/ 下）");
            return 1;
        }
        Path index = folders.index();
        Path aside = null;
        if (Files.isDirectory(index) && !empty(index)) {
            aside = index.resolveSibling(index.getFileName() + ".old-" + LocalDateTime.now().format(STAMP));
            Files.move(index, aside);
        }
        ContentRegistry registry = ContentRegistry.load(folders);
        List<ReportSummary> reports = registry.inSubmissionOrder();
        Pipeline pipeline = parent.pipeline();
        int added = 0;
        int unreadable = 0;
        try (ReportIndex rebuilt = ReportIndex.open(index, IndexCommand.regions(parent))) {
            for (ReportSummary s : reports) {
                Path original = registry.original(s);
                if (!Files.exists(original)) {
                    err.println("jixiao reindex：" + s.storedName() + " 的原件不在 done/ 中，已跳过");
                    unreadable++;
                    continue;
                }
                try {
                    rebuilt.add(pipeline.process(original));
                    added++;
                } catch (UnreadableInputException e) {
                    err.println("jixiao reindex：无法读取 " + s.storedName() + "：" + UserReason.of(e));
                    unreadable++;
                }
            }
        }
        out.println("已重建索引 " + index + "：" + added + " 份报告（按提交顺序）" + (unreadable > 0 ? "，" + unreadable + " 份无法读取" : "")
                + (aside == null ? "" : "；原索引已移到 " + aside));
        out.flush();
        return unreadable > 0 ? 1 : 0;
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}

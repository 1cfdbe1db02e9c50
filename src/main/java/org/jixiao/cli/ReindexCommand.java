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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchLocation;
import org.jixiao.model.Report;
import org.jixiao.model.Submission;
import org.jixiao.output.ReportJson;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreSettings;
import org.jixiao.store.StoreUnavailableException;
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
 * Rebuilds the search index from what was checked: every checked report of the store of record
 * (the service's and the CLI's {@code check --data}) and of {@code data/done/}, read again from its
 * original and added in the order it was submitted, so the newest version of each project is
 * current again. The old embedded index is moved aside, never deleted; a SolrCloud collection
 * ({@code --search solr://…}) is emptied and filled again in place.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "从已检查的报告（数据库及数据目录的 done/）重建检索索引：按提交顺序重新读取每份原件，"
                + "同一项目的最新版本仍为当前版本；原索引移到旁边保留，不删除。"
                + "--search solr://… 时就地重建该 SolrCloud 集合：先清空再按提交顺序重新写入（重建期间检索结果逐步补全）。")
final class ReindexCommand implements Callable<Integer> {

    /** The file of the embedded store of record in the data folder (see {@link StoreSettings#embedded}). */
    static final String EMBEDDED_FILE = "store.mv.db";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "数据目录（默认 ${DEFAULT-VALUE}）")
    Path data;

    @picocli.CommandLine.Mixin
    SearchOption search = new SearchOption();

    @Option(names = "--index", paramLabel = "DIR", description = "索引目录（默认为数据目录下的 index/）")
    Path indexDir;

    @Option(names = "--store", paramLabel = "JDBC-URL",
            description = "数据库：共享的 jdbc:postgresql://…（账号取自环境变量 JIXIAO_DB_USER、JIXIAO_DB_PASSWORD）；不写则使用数据目录中的内置数据库")
    String store;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataFolders folders = DataFolders.under(data);
        SearchLocation location = search.location(spec, indexDir);
        if (location != null && location.directory() != null) folders = folders.withIndex(location.directory());
        SearchLocation target = location != null && location.solr() != null ? location : SearchLocation.lucene(folders.index());
        ContentRegistry registry = Files.isDirectory(folders.done()) ? ContentRegistry.load(folders) : null;
        StoreOfRecord records;
        try {
            // An embedded database that was never created has nothing to give: it is not created here.
            StoreSettings settings = StoreSettings.of(store, data);
            records = settings.embedded() && !Files.exists(data.resolve(EMBEDDED_FILE)) ? null : JdbcStore.open(settings);
        } catch (StoreUnavailableException | IllegalArgumentException e) {
            err.println("jixiao reindex：" + e.getMessage());
            return 1;
        }
        try (StoreOfRecord closing = records) {
            List<Submission> recorded = records == null ? List.of() : records.checkedInSubmissionOrder();
            if (registry == null && recorded.isEmpty()) {
                err.println("jixiao reindex：" + folders.done() + " 不存在，数据库中也没有已检查的报告：没有可用来重建索引的报告"
                        + "（服务检查过的报告保存在数据目录的 done/ 下，check --data 检查过的记在数据库中）");
                return 1;
            }
            return rebuild(target, registry, records, recorded, out, err);
        }
    }

    /**
     * Every checked report again, in the order it was recorded: first what the store of record
     * holds (the service's and the CLI's), each read from its original in done/ or in the store;
     * then what only done/ holds (checked before the store existed).
     */
    private int rebuild(SearchLocation target, ContentRegistry registry, StoreOfRecord records, List<Submission> recorded,
                        PrintWriter out, PrintWriter err) throws IOException {
        Path index = target.directory();
        Path aside = null;
        if (index != null && Files.isDirectory(index) && !empty(index)) {
            aside = index.resolveSibling(index.getFileName() + ".old-" + LocalDateTime.now().format(STAMP));
            Files.move(index, aside);
        }
        Pipeline pipeline = parent.pipeline();
        Set<String> seen = new HashSet<>();
        int added = 0;
        int unreadable = 0;
        try (ReportIndex rebuilt = target.openIndex(IndexCommand.regions(parent))) {
            // A cluster's collection is rebuilt in place (there is no folder to move aside): emptied,
            // then filled again in submission order, committed every few seconds (a cluster store
            // holds its writes in memory until the commit), so searches see it fill up again.
            boolean inPlace = index == null;
            if (inPlace) rebuilt.clear();
            for (Submission s : recorded) {
                if (!seen.add(s.sha256())) continue;
                Optional<ReportSummary> done = registry == null ? Optional.empty() : registry.find(s.sha256());
                try {
                    Report report;
                    if (done.isPresent() && Files.exists(registry.original(done.get()))) {
                        report = pipeline.process(registry.original(done.get()));
                    } else {
                        Optional<byte[]> original = records.original(s.id());
                        // A file too large to keep: its report as recorded.
                        report = original.isPresent() ? pipeline.process(s.fileName(), original.get())
                                : ReportJson.read(records.reportJson(s.id()).orElseThrow());
                    }
                    rebuilt.add(report);
                    added++;
                    if (inPlace) rebuilt.commitIfDue();
                } catch (UnreadableInputException e) {
                    err.println("jixiao reindex：无法读取 " + s.fileName() + "：" + UserReason.of(e));
                    unreadable++;
                }
            }
            for (ReportSummary s : registry == null ? List.<ReportSummary>of() : registry.inSubmissionOrder()) {
                if (!seen.add(s.id())) continue;
                Path original = registry.original(s);
                if (!Files.exists(original)) {
                    err.println("jixiao reindex：" + s.storedName() + " 的原件不在 done/ 中，已跳过");
                    unreadable++;
                    continue;
                }
                try {
                    rebuilt.add(pipeline.process(original));
                    added++;
                    if (inPlace) rebuilt.commitIfDue();
                } catch (UnreadableInputException e) {
                    err.println("jixiao reindex：无法读取 " + s.storedName() + "：" + UserReason.of(e));
                    unreadable++;
                }
            }
        }
        out.println("已重建索引 " + target + "：" + added + " 份报告（按提交顺序）" + (unreadable > 0 ? "，" + unreadable + " 份无法读取" : "")
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

package org.jixiao.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchLocation;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Report;
import org.jixiao.output.FindingsCsv;
import org.jixiao.output.ReportJson;
import org.jixiao.output.ReportsWorkbook;
import org.jixiao.output.TerminalTable;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.StorageGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "检查路径下的全部报告：逐份重新计算并列出问题。目录中只读取报告格式的文件。")
final class CheckCommand implements Callable<Integer> {

    enum Format { table, json, jsonl, csv, xlsx }

    /** The workbook's name under --out. */
    static final String WORKBOOK = "jixiao-报告.xlsx";

    /** File types picked up when walking a directory; files named on the command line are always tried. */
    private static final Logger LOG = LoggerFactory.getLogger(CheckCommand.class);

    static final Set<String> REPORT_EXTENSIONS = Set.of("pdf", "txt", "text", "md", "markdown", "html", "htm", "docx", "xlsx");

    /**
     * Files read at once, one per core: a batch spent half its time with one core idle. The
     * pipeline is safe to share between threads; reports are still taken in input order, so the
     * output, the files under --out and the order of index writes (which decides the current
     * version of a project) are those of a one-at-a-time run.
     */
    static final int PARALLEL_FILES = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Files read ahead of the one being printed: a slow file holds back at most this many reports in memory. */
    static final int READ_AHEAD = 2 * PARALLEL_FILES;

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "报告文件或目录（递归）")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "table", description = "输出格式：${COMPLETION-CANDIDATES}（默认 table；jsonl 每检查完一份即输出一行 JSON，csv 逐份输出）")
    Format format;

    @Option(names = "--out", paramLabel = "DIR", description = "每份报告另存为 DIR/<文件名>.json；无法读取的文件写 DIR/<文件名>.error.txt")
    Path outDir;

    @Option(names = "--index", paramLabel = "DIR", description = "检查的同时写入该检索索引")
    Path indexDir;

    @picocli.CommandLine.Mixin
    SearchOption search = new SearchOption();

    @Option(names = "--data", paramLabel = "DIR",
            description = "把每份报告（及无法读取的文件）记入该数据目录的数据库并写入其索引（DIR/index），与 serve 共用：网页的审核列表中可见；"
                    + "serve 正在运行时索引由服务从数据库补入，几秒内可检索")
    Path data;

    @Option(names = "--store", paramLabel = "JDBC-URL",
            description = "与 --data 一起：记入共享数据库 jdbc:postgresql://…（账号取自环境变量 JIXIAO_DB_USER、JIXIAO_DB_PASSWORD）")
    String store;

    @Override
    public Integer call() throws IOException {
        if (format == Format.xlsx && outDir == null) {
            spec.commandLine().getErr().println("jixiao check：--format xlsx 须与 --out DIR 一起使用（工作簿写到 DIR/" + WORKBOOK + "）");
            return 2;
        }
        if (store != null && data == null) {
            spec.commandLine().getErr().println("jixiao check：--store 须与 --data DIR 一起使用");
            return 2;
        }
        if (data != null && indexDir == null) indexDir = data.resolve("index");
        SearchLocation location = search.location(spec, indexDir);
        if (location != null) indexDir = location.directory();
        String refusal = IndexPaths.refusal(indexDir);
        if (refusal != null) {
            spec.commandLine().getErr().println("jixiao check：" + refusal);
            return 2;
        }
        Inputs found = inputs(paths);
        List<Input> inputs = found.files();
        int skipped = found.skipped();
        var err = spec.commandLine().getErr();
        for (Path dir : found.withoutReports()) err.println("jixiao check：" + noReportFiles(dir));
        if (inputs.isEmpty()) {
            err.flush();
            return 1;
        }
        if (outDir != null) Files.createDirectories(outDir);

        var out = spec.commandLine().getOut();
        TerminalTable table = new TerminalTable();
        FindingsCsv csv = new FindingsCsv();
        List<Report> reports = new ArrayList<>();
        Set<String> written = new HashSet<>();
        if (format == Format.csv) {
            // Rows are printed as reports come, header first: a kill loses nothing already checked.
            out.print(csv.drain());
            out.flush();
        }
        ProgressBar bar = new ProgressBar(err, inputs.size());
        int failed = 0;
        ExecutorService readers = Executors.newFixedThreadPool(PARALLEL_FILES, r -> {
            Thread t = new Thread(r, "jixiao-check");
            t.setDaemon(true); // a file stuck past its timeout must not keep the JVM alive
            return t;
        });
        Deque<Future<Report>> ahead = new ArrayDeque<>();
        List<ReportsWorkbook.Entry> workbook = new ArrayList<>();
        int notChecked = 0;
        String writeFailure = null;
        DataFolderWrites writes = data == null ? null : DataFolderWrites.open(data, store, "jixiao check", err);
        if (data != null && writes == null) return 1;
        try (DataFolderWrites records = writes;
             ReportIndex index = location == null ? null
                     : writes == null ? location.openIndex(IndexCommand.regions(parent)) : writes.openIndex(location, indexDir, IndexCommand.regions(parent))) {
        Pipeline pipeline = parent.pipeline(inputs.size());
        int submitted = 0;
        for (int i = 0; i < inputs.size(); i++) {
            for (; submitted < inputs.size() && submitted < i + READ_AHEAD; submitted++) {
                Path next = inputs.get(submitted).path;
                ahead.add(readers.submit(() -> pipeline.process(next)));
            }
            Input in = inputs.get(i);
            Future<Report> reading = ahead.remove();
            bar.step(i, in.display);
            try {
                Report r = result(reading, in.display);
                if (format == Format.json) reports.add(r);
                table.add(in.display, r);
                csv.add(in.display, r);
                if (format == Format.jsonl) {
                    bar.finish(); // the line is cleared before a report is printed on the same terminal
                    out.println(ReportJson.writeLine(r));
                    out.flush();
                }
                // An output that cannot be written (a full disk) stops the batch: what was checked is
                // still printed below, the files not yet read are left for a second run.
                String json = outDir != null || records != null ? ReportJson.write(r) : null;
                if (outDir != null) {
                    try {
                        write(written, in.path, ".json", json);
                    } catch (IOException e) {
                        writeFailure = "无法写入 " + outDir.resolve(in.path.getFileName() + ".json") + "（" + in.display
                                + " 的检查结果）：" + writeReason(e);
                        notChecked = inputs.size() - i - 1;
                        break;
                    }
                }
                if (format == Format.xlsx) workbook.add(new ReportsWorkbook.Entry(in.display, "", r, null));
                if (records != null) records.checked(r, json, in.path);
                if (index != null) {
                    try {
                        index.add(r);
                        index.commitIfDue();
                    } catch (IOException | RuntimeException e) {
                        // Other index failures (a damaged index) keep their own answer (exit status 4).
                        if (!StorageGuard.noSpace(e) && !(index.broken() && StorageGuard.noSpace(index.tragedy()))) throw e;
                        writeFailure = "无法写入索引 " + indexDir + "（" + in.display + " 的检查结果）：" + writeReason(e);
                        notChecked = inputs.size() - i - 1;
                        break;
                    }
                }
            } catch (UnreadableInputException e) {
                failed++;
                String reason = UserReason.of(e);
                table.addUnreadable(in.display, reason);
                csv.addUnreadable(in.display, reason);
                bar.finish();
                if (format != Format.table) err.println("无法读取 " + in.display + "：" + reason);
                if (outDir != null) {
                    try {
                        write(written, in.path, ".error.txt", "无法读取 " + in.display + "：" + reason + "\n");
                    } catch (IOException we) {
                        writeFailure = "无法写入 " + outDir.resolve(in.path.getFileName() + ".error.txt") + "（" + in.display
                                + " 无法读取的原因）：" + writeReason(we);
                        notChecked = inputs.size() - i - 1;
                        break;
                    }
                }
                if (format == Format.xlsx) workbook.add(new ReportsWorkbook.Entry(in.display, "", null, reason));
                if (records != null) records.failed(in.path, reason);
            }
            if (format == Format.csv) {
                bar.finish();
                out.print(csv.drain());
                out.flush();
            }
        }
            if (writeFailure != null && index != null && !index.broken()) {
                // What was indexed before the failure is kept if the disk lets the commit through.
                try {
                    index.commit();
                } catch (IOException | RuntimeException e) {
                    index.abandon();
                }
            } else if (writeFailure != null && index != null) {
                index.abandon();
            }
        } catch (IOException e) {
            // The final commit of the index on a full disk: the results below are still printed.
            if (!StorageGuard.noSpace(e)) throw e;
            if (writeFailure == null) writeFailure = "无法写入索引 " + indexDir + "：" + writeReason(e);
        } finally {
            readers.shutdownNow();
        }
        bar.finish();
        switch (format) {
            case table -> out.print(table);
            case json -> out.println(ReportJson.write(reports));
            case csv -> out.print(csv.drain()); // printed report by report; the rows of one whose output failed
            case jsonl -> { } // already printed, report by report
            case xlsx -> out.println("已写入 " + writeWorkbook(written, workbook));
        }
        if (skipped > 0 && format == Format.table) out.println("（跳过 " + skipped + " 个非报告格式的文件）");
        out.flush();
        if (writeFailure != null) {
            err.println("jixiao check：" + writeFailure + (notChecked > 0 ? "；其后 " + notChecked + " 个文件未检查" : "")
                    + "。以上为已检查的结果，腾出空间后请重新运行");
            err.flush();
            return 1;
        }
        return failed > 0 || !found.withoutReports().isEmpty() ? 1 : 0;
    }

    /** The workbook under --out, under a name no earlier run took. */
    private Path writeWorkbook(Set<String> written, List<ReportsWorkbook.Entry> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ReportsWorkbook.write(entries, bytes);
        for (int n = 1; ; n++) {
            String name = n == 1 ? WORKBOOK : WORKBOOK.replace(".xlsx", "." + n + ".xlsx");
            if (!written.add(name)) continue;
            Path target = outDir.resolve(name);
            try {
                Files.write(target, bytes.toByteArray(), java.nio.file.StandardOpenOption.CREATE_NEW);
                return target;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // an earlier run's workbook: the next number
            }
        }
    }

    /** The report read by another thread, or what went wrong there, as if it had been read on this one. */
    private static Report result(Future<Report> reading, String display) {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableInputException(display, "处理被中断", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Report files named on the command line or found under directories (in a stable order), and how many other files were passed over. */
    record Inputs(List<Input> files, int skipped, List<Path> withoutReports) {
    }

    /** The line for a folder with no report file under it. */
    static String noReportFiles(Path dir) {
        return "在 " + dir + " 下没有找到报告文件（只读取 " + String.join(" ", REPORT_EXTENSIONS.stream().sorted().map(e -> "." + e).toList())
                + " 文件）";
    }

    /** Files named on the command line as given; under a directory, its report files, sorted. */
    static Inputs inputs(List<Path> paths) throws IOException {
        List<Input> inputs = new ArrayList<>();
        List<Path> withoutReports = new ArrayList<>();
        int skipped = 0;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                int before = inputs.size();
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        if (isReportFile(f)) inputs.add(new Input(f, display(p, f)));
                        else skipped++;
                    }
                }
                if (inputs.size() == before) withoutReports.add(p);
            } else {
                inputs.add(new Input(p, p.toString()));
            }
        }
        return new Inputs(inputs, skipped, withoutReports);
    }

    record Input(Path path, String display) {
    }

    static boolean isReportFile(Path f) {
        String name = f.getFileName().toString();
        // The service's notes beside the files in done/ and failed/ are .txt but not reports.
        if (name.endsWith(org.jixiao.route.DataFolders.DUPLICATE_SUFFIX) || name.endsWith(org.jixiao.route.DataFolders.ERROR_SUFFIX)) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && REPORT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String display(Path root, Path f) {
        Path rel = root.relativize(f);
        return root.resolve(rel).toString();
    }

    /** Why an output could not be written, in Chinese; the system's own text goes to the log. */
    private static String writeReason(Exception e) {
        LOG.debug("写入失败", e);
        if (StorageGuard.noSpace(e)) return "磁盘空间不足";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) return "没有写入权限";
        }
        return "写入出错";
    }

    /**
     * Writes DIR/<name><suffix> whole or not at all: the content goes to a hidden temporary file in
     * DIR first, which is then linked under its name — atomically, and failing if the name is taken,
     * so a full disk never leaves a partial or empty file and nothing is overwritten. A second input
     * of the same name, or an earlier run's file, gets the next numbered name.
     */
    private void write(Set<String> written, Path input, String suffix, String content) throws IOException {
        String base = input.getFileName().toString();
        // Not named after the input: its name may already be as long as the file system allows.
        Path tmp = outDir.resolve("." + UUID.randomUUID() + ".part");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            String name = base + suffix;
            for (int n = 2; ; n++) {
                if (written.add(name) && publish(tmp, outDir.resolve(name))) return;
                name = base + "." + n + suffix;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The complete temporary file under its name; false when the name is taken. */
    private static boolean publish(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            // A file system without hard links (FAT, some shares): a rename, which also refuses a taken name.
            if (Files.exists(target)) return false;
            try {
                Files.move(tmp, target);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
    }
}

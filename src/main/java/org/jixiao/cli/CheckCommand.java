package org.jixiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jixiao.index.ReportIndex;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Report;
import org.jixiao.output.FindingsCsv;
import org.jixiao.output.ReportJson;
import org.jixiao.output.TerminalTable;
import org.jixiao.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "检查路径下的全部报告：逐份重新计算并列出问题。目录中只读取报告格式的文件。")
final class CheckCommand implements Callable<Integer> {

    enum Format { table, json, jsonl, csv }

    /** File types picked up when walking a directory; files named on the command line are always tried. */
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

    @Override
    public Integer call() throws IOException {
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
        try (ReportIndex index = indexDir == null ? null : ReportIndex.open(indexDir, IndexCommand.regions(parent))) {
        Pipeline pipeline = parent.pipeline();
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
                if (outDir != null) write(written, in.path, ".json", ReportJson.write(r));
                if (format == Format.jsonl) {
                    bar.finish(); // the line is cleared before a report is printed on the same terminal
                    out.println(ReportJson.writeLine(r));
                    out.flush();
                }
                if (index != null) {
                    index.add(r);
                    index.commitIfDue();
                }
            } catch (UnreadableInputException e) {
                failed++;
                String reason = UserReason.of(e);
                table.addUnreadable(in.display, reason);
                csv.addUnreadable(in.display, reason);
                bar.finish();
                if (format != Format.table) err.println("无法读取 " + in.display + "：" + reason);
                if (outDir != null) write(written, in.path, ".error.txt", "无法读取 " + in.display + "：" + reason + "\n");
            }
            if (format == Format.csv) {
                bar.finish();
                out.print(csv.drain());
                out.flush();
            }
        }
        } finally {
            readers.shutdownNow();
        }
        bar.finish();
        switch (format) {
            case table -> out.print(table);
            case json -> out.println(ReportJson.write(reports));
            case jsonl, csv -> { } // already printed, report by report
        }
        if (skipped > 0 && format == Format.table) out.println("（跳过 " + skipped + " 个非报告格式的文件）");
        out.flush();
        return failed > 0 || !found.withoutReports().isEmpty() ? 1 : 0;
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

    /** Writes DIR/<name><suffix>; a second input of the same name gets a numbered name, never an overwrite. */
    private void write(Set<String> written, Path input, String suffix, String content) {
        String base = input.getFileName().toString();
        String name = base + suffix;
        // Neither an earlier input of this run nor an earlier run's file is overwritten.
        for (int n = 2; ; n++) {
            if (written.add(name)) {
                try {
                    Files.writeString(outDir.resolve(name), content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    return;
                } catch (FileAlreadyExistsException e) {
                    // taken by an earlier run: try the next number
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            name = base + "." + n + suffix;
        }
    }
}

package org.jixiao.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jixiao.extract.ocr.OcrMode;
import org.jixiao.extract.pdf.ScanProgress;
import org.jixiao.index.IndexFormatException;
import org.jixiao.index.IndexLockedException;
import org.jixiao.mapping.Mappings;
import org.jixiao.pipeline.Limits;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.pipeline.WorkerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The top-level command: global options and the subcommands. */
@Command(name = "jixiao", mixinStandardHelpOptions = true, version = "jixiao 0.1.0",
        description = "绩效报告批量检查与检索：读取自评表、自评报告和绩效目标申报表，重新计算并标出问题。")
public final class JixiaoCommand {

    /**
     * The subcommands by name, in the order the usage lists them. They are added in {@link #run}
     * rather than named in the annotation: picocli builds a command's model by reflection over its
     * fields and annotations, and building all nine took more of a cold {@code extract} than
     * reading the mappings; a run that names one command builds that one only
     * ({@link #invokedSubcommand}).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("extract", ExtractCommand.class);
        m.put("check", CheckCommand.class);
        m.put("index", IndexCommand.class);
        m.put("reindex", ReindexCommand.class);
        m.put("search", SearchCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("submit", SubmitCommand.class);
        m.put("user", UserCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /**
     * Exit status when the index cannot be used (another process is writing it, or it is of an older
     * layout): its own code, apart from 1 (some input could not be read), so scripts can wait and retry.
     */
    static final int EXIT_INDEX_UNUSABLE = 4;

    /**
     * A batch of at most this many files is read in this process ({@link #pipeline(int)}): starting
     * a child JVM for each (loading the mappings and readers again) cost more than the reading.
     * Measured with {@code check} of one and of two corpus PDFs (README, Performance). The price is
     * isolation: a hostile file is cut off at its timeout, but its parser thread runs on until the
     * command ends (at once, for so few files), and its memory is this process's.
     */
    static final int IN_PROCESS_MAX_FILES = 2;

    /** A child JVM needs this much heap to load the mappings and readers before it reads any file. */
    static final int MIN_WORKER_MEMORY_MB = 64;

    @Option(names = "--mappings", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "使用该目录下的映射文件（标签、指标分类、规则、行政区划），默认使用内置映射。")
    Path mappingsDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", scope = CommandLine.ScopeType.INHERIT,
            description = "每个文件最长处理时间，超时的文件记为无法读取（默认 60）")
    Integer timeoutSeconds;

    @Option(names = "--max-pages", paramLabel = "N", scope = CommandLine.ScopeType.INHERIT,
            description = "每个 PDF 最多读取的页数，超过的文件记为无法读取（默认 500）")
    Integer maxPages;

    @Option(names = "--max-mb", paramLabel = "MB", scope = CommandLine.ScopeType.INHERIT,
            description = "单个文件的大小上限（默认 64）")
    Integer maxMegabytes;

    @Option(names = "--workers", paramLabel = "N", scope = CommandLine.ScopeType.INHERIT,
            description = "同时读取文件的子进程数（默认为处理器核数减一，至少 1，至多 " + WorkerSettings.MAX_DEFAULT_WORKERS + "）")
    Integer workers;

    @Option(names = "--ocr", paramLabel = "off|auto|force", scope = CommandLine.ScopeType.INHERIT,
            description = "扫描页的文字识别（OCR）：auto 只识别没有可用文字层的页面（默认），force 识别每一页，off 不识别")
    OcrMode ocr;

    @Option(names = "--worker-memory", paramLabel = "MB", scope = CommandLine.ScopeType.INHERIT,
            description = "每个读取文件的子进程可用的内存，超出的文件记为无法读取（默认 " + WorkerSettings.DEFAULT_MEMORY_MB + "）")
    Integer workerMemoryMb;

    private Pipeline pipeline;
    private Thread stopWorkers;
    /** Where the progress of long scans is printed: the command's stderr. */
    private PrintWriter progress;

    /**
     * The pipeline of the batch commands: PDF and office files are read in child processes, killed
     * at the timeout or when they run out of memory; the children are killed when this process
     * exits, Ctrl-C included.
     */
    Pipeline pipeline() {
        if (pipeline == null) {
            showScanProgress();
            pipeline = isolatedPipeline(Mappings.load(mappingsDir));
            stopWorkers = new Thread(pipeline::close, "jixiao-workers-stop");
            Runtime.getRuntime().addShutdownHook(stopWorkers);
        }
        return pipeline;
    }

    /**
     * The pipeline of a batch of {@code files} files: a batch of at most {@link #IN_PROCESS_MAX_FILES}
     * is read in this process, under the per-file timeout, as {@code extract} reads, unless
     * {@code --workers} or {@code --worker-memory} asks for children; larger batches (and the
     * service) keep the children.
     */
    Pipeline pipeline(int files) {
        if (pipeline == null && files <= IN_PROCESS_MAX_FILES && workers == null && workerMemoryMb == null) {
            return inProcessPipeline();
        }
        return pipeline();
    }

    /** An isolated pipeline with the options' limits and workers; the caller closes it. */
    Pipeline isolatedPipeline(Mappings mappings) {
        return Pipeline.isolated(mappings, limits(), workerSettings());
    }

    /**
     * The pipeline of a one-shot command ({@code extract}): in process, each file on a thread under
     * the timeout; a file past it ends the command with exit status 1, and with the process ends
     * the thread that was stuck on it.
     */
    Pipeline inProcessPipeline() {
        if (pipeline == null) {
            showScanProgress();
            pipeline = newPipeline(Mappings.load(mappingsDir));
        }
        return pipeline;
    }

    /** A line per recognised page of a long scan on stderr, whether read here or in a reading child. */
    private void showScanProgress() {
        PrintWriter err = progress;
        if (err == null) return;
        ScanProgress.listen(line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
    }

    /**
     * An in-process pipeline with the options' limits and OCR mode. The PDF reader takes its OCR
     * mode from the JVM's setting when it is made ({@link OcrMode#configured()}): the option sets it
     * for that moment only, so that one command run in-process (tests) does not change the next.
     */
    Pipeline newPipeline(Mappings mappings) {
        Limits limits = limits();
        if (ocr == null) return new Pipeline(mappings, limits);
        String before = System.getProperty(OcrMode.PROPERTY);
        System.setProperty(OcrMode.PROPERTY, ocr.name());
        try {
            return new Pipeline(mappings, limits);
        } finally {
            if (before == null) System.clearProperty(OcrMode.PROPERTY);
            else System.setProperty(OcrMode.PROPERTY, before);
        }
    }

    /** The children's number and memory: the defaults, with what the options change. */
    WorkerSettings workerSettings() {
        if ((workers != null && workers < 1) || (workerMemoryMb != null && workerMemoryMb < MIN_WORKER_MEMORY_MB)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--workers 至少为 1，--worker-memory 至少为 " + MIN_WORKER_MEMORY_MB);
        }
        WorkerSettings d = WorkerSettings.defaults(mappingsDir);
        return new WorkerSettings(workers == null ? d.workers() : workers,
                workerMemoryMb == null ? d.memoryMb() : workerMemoryMb, mappingsDir,
                ocr == null ? null : java.util.Map.of(OcrMode.PROPERTY, ocr.name()));
    }

    /** Closes the pipeline (kills its children) when a command made one. */
    void closePipeline() {
        if (pipeline != null) {
            pipeline.close();
            ScanProgress.listen(null);
        }
        if (stopWorkers != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWorkers);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway, and the pipeline is closed
            }
        }
    }

    /** The per-file limits: the defaults, with what the options change. */
    Limits limits() {
        Limits d = Limits.DEFAULT;
        if ((timeoutSeconds != null && timeoutSeconds < 1) || (maxPages != null && maxPages < 1)
                || (maxMegabytes != null && maxMegabytes < 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--timeout、--max-pages 和 --max-mb 至少为 1");
        }
        return new Limits(maxMegabytes == null ? d.maxBytes() : maxMegabytes * 1024L * 1024,
                maxPages == null ? d.maxPages() : maxPages,
                timeoutSeconds == null ? d.timeout() : Duration.ofSeconds(timeoutSeconds));
    }

    /**
     * The subcommand a command line runs when it is plain: the first argument that is not one of
     * jixiao's own options (or an option's value) names a subcommand other than {@code help}. Null
     * (every subcommand is then built) for anything else: no subcommand, {@code help}, a help or
     * version option or an unknown option before it, a misspelt name; so usage help, errors and
     * suggestions are exactly those of the full command.
     */
    static String invokedSubcommand(CommandLine top, String[] args) {
        Map<String, OptionSpec> options = top.getCommandSpec().optionsMap();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                int eq = a.indexOf('=');
                OptionSpec o = options.get(a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a);
                if (o == null || o.usageHelp() || o.versionHelp()) return null;
                if (eq < 0 && o.arity().max() > 0) i++;
                continue;
            }
            return SUBCOMMANDS.containsKey(a) && !a.equals("help") ? a : null;
        }
        return null;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI with the given streams (tests call this in-process). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        JixiaoCommand command = new JixiaoCommand();
        command.progress = err;
        CommandLine cli = new CommandLine(command);
        // Before the settings below: picocli hands them to the subcommands present when they are set.
        String invoked = invokedSubcommand(cli, args);
        for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
            if (invoked == null || invoked.equals(sub.getKey())) cli.addSubcommand(sub.getKey(), sub.getValue());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        ChineseUsage.apply(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IndexFormatException || ex instanceof IndexLockedException) {
                // The user's to fix (another writer, an old index), not a bug: the message says how.
                commandLine.getErr().println("jixiao：" + ex.getMessage());
                return EXIT_INDEX_UNUSABLE;
            }
            if (org.jixiao.index.SearchLocation.damage(ex)) {
                // Damage found only when a search reads the files (a garbled term dictionary): the
                // same answer as at open, not a Lucene stack trace.
                commandLine.getErr().println("jixiao：检索索引已损坏（文件被截断、改动或缺失）；服务的索引用 jixiao reindex"
                        + " --data 数据目录 从 done/ 重新建立，其他索引移走后用 check --index 或 index 重新检查报告");
                return EXIT_INDEX_UNUSABLE;
            }
            if (ex instanceof org.jixiao.mapping.InvalidMappingException) {
                // --mappings DIR with a misspelt key: bad usage, said in one line naming file and key.
                commandLine.getErr().println("jixiao：" + ex.getMessage());
                return 2;
            }
            commandLine.getErr().println("jixiao：内部错误：" + ex);
            ex.printStackTrace(commandLine.getErr());
            return 3;
        });
        int code;
        try {
            code = cli.execute(args);
        } finally {
            command.closePipeline();
        }
        out.flush();
        err.flush();
        return code;
    }
}

package org.jixiao.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jixiao.mapping.Mappings;
import org.jixiao.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: global options and the subcommands. */
@Command(name = "jixiao", mixinStandardHelpOptions = true, version = "jixiao 0.1.0",
        description = "绩效报告批量检查与检索：读取自评表、自评报告和绩效目标申报表，重新计算并标出问题。",
        subcommands = {ExtractCommand.class, CheckCommand.class, IndexCommand.class, SearchCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class JixiaoCommand {

    @Option(names = "--mappings", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "使用该目录下的映射文件（标签、指标分类、规则、行政区划），默认使用内置映射。")
    Path mappingsDir;

    private Pipeline pipeline;

    Pipeline pipeline() {
        if (pipeline == null) pipeline = new Pipeline(Mappings.load(mappingsDir));
        return pipeline;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI with the given streams (tests call this in-process). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new JixiaoCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("jixiao：内部错误：" + ex);
            ex.printStackTrace(commandLine.getErr());
            return 3;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}

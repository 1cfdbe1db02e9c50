package org.jixiao.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "读取一份报告，在标准输出打印其标准 JSON（含检查结果）。")
final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "报告文件（PDF、文本、Markdown、HTML、Word、Excel）")
    Path file;

    @picocli.CommandLine.Option(names = "--blocks",
            description = "只打印抽取出的段落与表格（每行一个 JSON），不做规范化与检查；供编写映射时查看")
    boolean blocks;

    @Override
    public Integer call() {
        try {
            if (blocks) {
                org.jixiao.model.ExtractedDocument doc = parent.inProcessPipeline().extractOnly(file);
                for (org.jixiao.model.Block b : doc.blocks()) {
                    spec.commandLine().getOut().println(ReportJson.writeBlock(b));
                }
                return 0;
            }
            Report report = parent.inProcessPipeline().process(file);
            spec.commandLine().getOut().println(ReportJson.write(report));
            return 0;
        } catch (UnreadableInputException e) {
            spec.commandLine().getErr().println("无法读取 " + file + "：" + UserReason.of(e));
            return 1;
        }
    }
}

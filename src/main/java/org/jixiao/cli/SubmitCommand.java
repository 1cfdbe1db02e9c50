package org.jixiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jixiao.route.KafkaPublisher;
import org.jixiao.route.KafkaSource;
import org.jixiao.web.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sends report files to the intake topic that {@code serve --source kafka:…} workers read: each file
 * is on the topic once this command has said so (the broker acknowledged it), and a worker records
 * it in the shared store of record.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "把报告文件发送到 Kafka 主题，由 serve --source kafka:… 的工作进程检查并记入共享数据库。")
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "kafka:HOST:PORT/TOPIC", required = true,
            description = "Kafka 主题，例如 kafka:kafka1:9092,kafka2:9092/jixiao-submissions")
    String to;

    @Option(names = "--submitter", paramLabel = "NAME",
            description = "提交人（记入数据库；默认为当前系统用户名）")
    String submitter;

    @Option(names = "--max-upload-mb", defaultValue = "" + ServerSettings.DEFAULT_MAX_UPLOAD_MB,
            description = "单个文件的大小上限，单位 MB，应与工作进程的 --max-upload-mb 相同（默认 ${DEFAULT-VALUE}）")
    int maxUploadMb;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "报告文件，或其下的文件全部发送的目录")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!KafkaSource.is(to) || maxUploadMb < 1) {
            err.println("jixiao submit：--to 应写作 kafka:主机:端口/主题，--max-upload-mb 至少为 1");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    // Names starting with "." are copies in progress, as in the inbox.
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                err.println("jixiao submit：找不到文件 " + input);
                return 2;
            }
        }
        String who = submitter == null || submitter.isBlank() ? System.getProperty("user.name", "未知") : submitter;
        int sent = 0;
        int refused = 0;
        try (KafkaPublisher publisher = new KafkaPublisher(to, maxUploadMb * 1024L * 1024)) {
            for (Path file : files) {
                try {
                    KafkaPublisher.Receipt r = publisher.publish(file.getFileName().toString(), Files.readAllBytes(file), who);
                    out.println("已发送 " + file + "（SHA-256 " + r.sha256().substring(0, 12) + "…，分区 " + r.partition()
                            + "，偏移 " + r.offset() + "）");
                    sent++;
                } catch (IllegalStateException e) {
                    // The broker did not take it: the next files would wait as long for the same answer.
                    refused = files.size() - sent;
                    err.println("jixiao submit：" + e.getMessage() + "；其余 " + refused + " 个文件未发送");
                    break;
                } catch (IOException | RuntimeException e) {
                    err.println("jixiao submit：未发送 " + file + "：" + e.getMessage());
                    refused++;
                }
                out.flush();
            }
        } catch (IllegalArgumentException e) {
            err.println("jixiao submit：" + e.getMessage());
            return 2;
        }
        out.println("共发送 " + sent + " 个文件" + (refused > 0 ? "，" + refused + " 个未发送" : "") + "，提交人 " + who);
        return refused > 0 ? 1 : 0;
    }
}

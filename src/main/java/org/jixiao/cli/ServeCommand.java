package org.jixiao.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jixiao.mapping.Mappings;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.DataFolders;
import org.jixiao.store.StoreSettings;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "以服务方式运行：检查放入收件目录或网页上传的报告，建立索引，并提供网页与 REST API。")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    JixiaoCommand parent;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SearchOption search = new SearchOption();

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "数据目录，其下为 inbox、done、failed、index（默认 ${DEFAULT-VALUE}）")
    Path data;

    @Option(names = "--inbox", paramLabel = "DIR", description = "收件目录（默认 <数据目录>/inbox）")
    Path inbox;

    @Option(names = "--index", paramLabel = "DIR", description = "索引目录（默认 <数据目录>/index）")
    Path index;

    @Option(names = "--source", paramLabel = "URI",
            description = "报告来源的 Camel 端点 URI（默认收件目录），例如 jms:queue:reports；"
                    + "kafka:主机:端口/主题 则作为 Kafka 主题的工作进程（多个进程共享主题的分区，须与 --store 共享数据库同用）")
    String source;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP 端口（默认 ${DEFAULT-VALUE}；0 为任选空闲端口）")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "监听地址（默认 ${DEFAULT-VALUE}，仅本机；供局域网访问用 0.0.0.0）")
    String host;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "另外接受的主机名（可重复），例如局域网中访问本机所用的名称或地址；"
                    + "默认只接受监听地址、localhost、127.0.0.1 与 [::1]，其他主机名的请求一律拒绝（防 DNS 重绑定）")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--anonymous",
            description = "不登录即可使用（以“本机用户”身份，拥有管理权限）：只允许在本机地址上监听时使用，供一人使用的单机；默认须登录")
    boolean anonymous;

    @Option(names = "--secure-cookies",
            description = "会话 Cookie 只经 HTTPS 发送（服务经 HTTPS 反向代理对外时开启）")
    boolean secureCookies;

    @Option(names = "--store", paramLabel = "JDBC-URL",
            description = "共享数据库 jdbc:postgresql://主机:端口/库名（账号取自环境变量 JIXIAO_DB_USER、JIXIAO_DB_PASSWORD）；不写则用数据目录中的内置数据库")
    String store;

    @Option(names = "--threads", defaultValue = "" + ServerSettings.DEFAULT_WORKERS,
            description = "同时检查的报告数（默认 ${DEFAULT-VALUE}）")
    int threads;

    @Option(names = "--max-upload-mb", defaultValue = "" + ServerSettings.DEFAULT_MAX_UPLOAD_MB,
            description = "单个文件的大小上限，单位 MB（默认 ${DEFAULT-VALUE}）")
    int maxUploadMb;

    @Option(names = "--shutdown-timeout", defaultValue = "20",
            description = "停止时等待正在检查的报告的秒数，超时的留在收件目录（默认 ${DEFAULT-VALUE}）")
    int shutdownSeconds;

    /** True when host:port can be bound now. */
    static boolean free(String host, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(host, port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535 || threads < 1 || maxUploadMb < 1 || shutdownSeconds < 0) {
            err.println("jixiao serve：端口应在 0–65535，--threads 与 --max-upload-mb 至少为 1");
            return 2;
        }
        DataFolders folders = DataFolders.under(data);
        if (inbox != null) folders = folders.withInbox(inbox);
        org.jixiao.index.SearchLocation location = search.location(spec, index);
        // A SolrCloud collection is shared by every worker that names it (ReportIndex keeps their
        // versions consistent); the embedded index is in its folder.
        if (location != null && location.directory() != null) folders = folders.withIndex(location.directory());
        Mappings mappings = Mappings.load(parent.mappingsDir);
        if (anonymous && !ServerSettings.loopback(host)) {
            err.println("jixiao serve：--anonymous 只能在本机地址（127.0.0.1、localhost）上使用；在 " + host
                    + " 上监听时每位用户都须登录（用 jixiao user add 建立账号）");
            return 2;
        }
        ServerSettings settings;
        try {
            settings = new ServerSettings(folders, source, threads, maxUploadMb * 1024L * 1024, host, port,
                    Duration.ofSeconds(shutdownSeconds)).withAllowedHosts(allowedHosts)
                    .withStore(StoreSettings.of(store, data))
                    .withAccess(new ServerSettings.Access(anonymous, secureCookies));
            if (location != null && location.solr() != null) settings = settings.withSearch(location);
        } catch (IllegalArgumentException e) {
            err.println("jixiao serve：" + e.getMessage());
            return 2;
        }
        if (port != 0 && !free(host, port)) {
            // The HTTP server binds after the routes have started and only logs its failure: ask first.
            err.println("jixiao serve：端口 " + port + " 已被占用（" + host + "），请先停止占用它的程序，或用 --port 换一个端口");
            return 1;
        }
        JixiaoServer server;
        // Files are read in child processes; they are killed after the server has stopped (the
        // reports being checked are finished or returned first), not by a hook of their own.
        Pipeline pipeline = parent.isolatedPipeline(mappings);
        try {
            server = JixiaoServer.start(settings, pipeline, new RegionResolver(mappings));
        } catch (Exception e) {
            pipeline.close();
            // A wrong --source URI, a port in use, an index locked by another process: say so and stop.
            err.println("jixiao serve：无法启动服务：" + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("jixiao 服务已启动：http://" + host + ":" + server.port() + "/  "
                + (source == null ? "收件目录 " + folders.inbox() : "来源 " + source));
        if (source != null && source.startsWith("kafka:") && (store == null || store.isBlank())) {
            err.println("注意：Kafka 来源未指定 --store，记录只保存在本机的内置数据库中，其他工作进程和网页看不到；"
                    + "多个工作进程须共用 --store jdbc:postgresql://…");
            err.flush();
        }
        if (!anonymous && server.store().users().isEmpty()) {
            out.println("尚无用户，网页无法登录：请先用 jixiao user add --role 管理 --data " + data + " 用户名 建立管理员");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM / Ctrl-C: finish or return the reports being checked, commit the index, then exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                out.println("jixiao 服务已停止：正在检查的报告已完成或留在收件目录，索引已保存");
                out.flush();
            } catch (Exception e) {
                err.println("jixiao serve：停止时出错：" + e);
                err.flush();
            } finally {
                pipeline.close();
                stopped.countDown();
            }
        }, "jixiao-shutdown"));
        stopped.await();
        return 0;
    }
}

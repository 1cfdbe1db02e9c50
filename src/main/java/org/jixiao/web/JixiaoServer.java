package org.jixiao.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.jixiao.index.SearchLocation;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.ContentRegistry;
import org.jixiao.route.DataFolders;
import org.jixiao.route.Intake;
import org.jixiao.route.IndexCatchUp;
import org.jixiao.route.IntakeRoutes;
import org.jixiao.route.LiveIndex;
import org.jixiao.route.ReportSummary;
import org.jixiao.route.SourceUri;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.jixiao.route.StorageGuard;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service in one process: the content registry and index rebuilt/reconciled from done/,
 * the intake routes on the source endpoint, the REST API and the web page on one HTTP port.
 */
public final class JixiaoServer implements AutoCloseable {

    /** Bodies above {@code HARD_LIMIT_FACTOR ×} the upload limit are cut off by the HTTP server before they are read into memory; between the limit and this they are refused and kept in failed/. */
    static final int HARD_LIMIT_FACTOR = 2;
    private static final Logger LOG = LoggerFactory.getLogger(JixiaoServer.class);

    private final CamelContext camel;
    private final VertxPlatformHttpServer http;
    private final LiveIndex index;
    private final ContentRegistry registry;
    private final StoreOfRecord store;
    private final StorageGuard storage;
    private final IndexCatchUp catchUp;
    /** The data folder's lock when the search store is a cluster (null: the embedded index's lock does it). */
    private final DataFolders.Lock folderLock;

    private JixiaoServer(CamelContext camel, VertxPlatformHttpServer http, LiveIndex index, ContentRegistry registry,
                         StorageGuard storage, StoreOfRecord store, IndexCatchUp catchUp, DataFolders.Lock folderLock) {
        this.catchUp = catchUp;
        this.folderLock = folderLock;
        this.camel = camel;
        this.http = http;
        this.index = index;
        this.registry = registry;
        this.storage = storage;
        this.store = store;
    }

    public static JixiaoServer start(ServerSettings settings, Pipeline pipeline, RegionResolver regions) throws Exception {
        var folders = settings.folders();
        folders.create();
        ContentRegistry registry = ContentRegistry.load(folders);
        SearchLocation search = settings.search();
        // The embedded index's write lock makes this process the only one using the data folder; a
        // cluster's collection is shared by design, so the folder is locked on its own then.
        DataFolders.Lock folderLock = search.directory() == null ? folders.lock() : null;
        StoreOfRecord store;
        try {
            store = JdbcStore.open(settings.store());
        } catch (Exception | Error e) {
            if (folderLock != null) folderLock.close();
            throw e;
        }
        LiveIndex index;
        try {
            index = LiveIndex.open(() -> search.openWriter(regions));
        } catch (IOException | RuntimeException e) {
            store.close();
            if (folderLock != null) folderLock.close();
            throw e;
        }
        CamelContext camel = null;
        // The index's disk is watched only when the index is on this machine.
        StorageGuard storage = new StorageGuard(folders, settings.maxUploadBytes(), search.directory() != null);
        // The index is a view of the store of record: what was recorded elsewhere (check --data
        // while this service holds the index) is added at start and then within seconds.
        IndexCatchUp catchUp = new IndexCatchUp(store, index);
        try {
            reconcile(registry, index, pipeline, "上次未正常停止");
            reconcile(registry, store, pipeline);
            catchUp.catchUp();
            index.commit();
            // Recovery is done (done/ read, index completed; the inbox is re-taken by the route):
            // what a crash left in scratch is nobody's now. The index lock (or, over a cluster, the
            // data folder's own lock) makes this process the only one here.
            folders.cleanScratch();
            index.onWriteFailure(e -> {
                if (storage.fault(e).isEmpty()) storage.degrade("索引写入失败，已暂停接收报告（收件目录中的文件原样保留），稍后自动重试");
            });
            Intake intake = new Intake(folders, pipeline, registry, index, settings.maxUploadBytes(), storage, store);

            camel = new DefaultCamelContext();
            camel.getShutdownStrategy().setTimeout(settings.shutdownTimeout().toMillis());
            camel.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
            camel.getShutdownStrategy().setSuppressLoggingOnTimeout(false);
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost(settings.host());
            http.setBindPort(settings.port());
            http.setMaxBodySize(settings.maxUploadBytes() * HARD_LIMIT_FACTOR);
            http.getBodyHandler().setUploadsDirectory(folders.uploads().toString());
            http.getBodyHandler().setDeleteUploadedFilesOnEnd(true);
            BoundedHttpServer server = new BoundedHttpServer(http, settings);
            CamelContext context = camel;
            // Before the server listens: no request is ever served without the Host check.
            server.beforeListening(() -> {
                VertxPlatformHttpRouter router = router(context, settings.port());
                new HttpGuards(settings, server, storage::refusal).install(router);
                new SessionGate(store, settings.access().anonymous(), settings.access().secureCookies())
                        .install(router, router.vertx(), HttpGuards.ORDER);
                answerOversizeBodies(router, settings.maxUploadBytes() * HARD_LIMIT_FACTOR);
            });
            camel.addService(server);

            String source = settings.sourceUri() == null ? SourceUri.inbox(folders)
                    : SourceUri.complete(settings.sourceUri(), folders, settings.workers());
            camel.addRoutes(IntakeRoutes.errorHandling(intake));
            camel.addRoutes(new IntakeRoutes(source, intake, settings.workers()));
            ApiRoutes api = new ApiRoutes(folders, registry, index, new ReportListing(regions), storage, store);
            camel.addRoutes(api.errorHandling());
            camel.addRoutes(api);
            camel.addRoutes(new ReviewRoutes(store));
            camel.addRoutes(new PageRoutes(store, pipeline, folders));
            camel.start();
            if (!server.guarded()) throw new IllegalStateException("HTTP 服务未经主机名检查即已启动");
            CamelContext started = camel;
            storage.start(() -> started.getRouteController().suspendRoute(IntakeRoutes.INBOX_ROUTE),
                    () -> {
                        // The index first (a writer Lucene closed is replaced, what its last commit lacks
                        // is added again from done/), then the inbox: nothing is taken before it can be recorded.
                        index.repair();
                        reconcile(registry, index, pipeline, "写入失败前未提交");
                        catchUp.rescan();
                        started.getRouteController().resumeRoute(IntakeRoutes.INBOX_ROUTE);
                    });
            catchUp.start(IndexCatchUp.POLL_INTERVAL);
            LOG.info("jixiao 服务已启动：http://{}:{}/ ，来源 {}", settings.host(), server.getPort(), source);
            return new JixiaoServer(camel, server, index, registry, storage, store, catchUp, folderLock);
        } catch (Exception | Error e) {
            catchUp.close();
            storage.close();
            try {
                if (camel != null) camel.stop();
            } finally {
                try {
                    index.close();
                } finally {
                    try {
                        store.close();
                    } finally {
                        if (folderLock != null) folderLock.close();
                    }
                }
            }
            throw e;
        }
    }

    /** The router of the HTTP server the API's routes are on. */
    private static VertxPlatformHttpRouter router(CamelContext camel, int port) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) router = VertxPlatformHttpRouter.lookup(camel);
        // Without it no request could be checked for its Host: refuse to run rather than serve unguarded.
        if (router == null) throw new IllegalStateException("HTTP 路由未找到");
        return router;
    }

    /** A body the HTTP server cut off still gets the API's Chinese JSON answer, not a bare 413. */
    private static void answerOversizeBodies(VertxPlatformHttpRouter router, long hardLimit) {
        String body = "{\"outcome\":\"TOO_LARGE\",\"error\":\"文件过大：请求超过 " + hardLimit / (1024 * 1024)
                + " MB，未接收（单个文件上限为其一半）\"}";
        router.errorHandler(413, ctx -> ctx.response().setStatusCode(413)
                .putHeader("Content-Type", ApiRoutes.JSON).end(body));
    }

    /**
     * Reports whose JSON is in done/ but whose index entry was lost (the process stopped between the
     * JSON and the next commit) are checked again from their original and added.
     */
    private static void reconcile(ContentRegistry registry, LiveIndex index, Pipeline pipeline, String why) throws IOException {
        // Also after a failed commit (a full disk): the repaired index has only what was committed before.
        int added = 0;
        // In submission order: the last one added of a project's versions becomes current.
        for (ReportSummary s : registry.inSubmissionOrder()) {
            if (index.contains(s.id()) || !Files.exists(registry.original(s))) continue;
            try {
                index.add(pipeline.process(registry.original(s)));
                added++;
            } catch (UnreadableInputException e) {
                LOG.warn("补建索引时无法读取 {}：{}", s.storedName(), e.reason());
            }
        }
        if (added > 0) {
            index.commit();
            LOG.warn("索引缺少 {} 份已检查的报告（{}），已补建", added, why);
        }
    }

    /**
     * Reports in done/ the store of record does not know (checked before it existed, or while it could
     * not be written) are recorded, in submission order, from their originals.
     */
    private static void reconcile(ContentRegistry registry, StoreOfRecord store, Pipeline pipeline) throws IOException {
        int added = 0;
        // One query for what the store has, not one per report in done/ at every start.
        java.util.Set<String> recorded = new java.util.HashSet<>();
        for (var checked : store.checkedInSubmissionOrder()) recorded.add(checked.sha256());
        for (ReportSummary s : registry.inSubmissionOrder()) {
            Path original = registry.original(s);
            if (recorded.contains(s.id()) || !Files.exists(original)) continue;
            try {
                byte[] bytes = Files.readAllBytes(original);
                Report report = pipeline.process(s.storedName(), bytes);
                store.recordChecked(report, ReportJson.write(report), bytes, Intake.FROM_INTAKE,
                        registry.checkedAt(s));
                added++;
            } catch (UnreadableInputException e) {
                LOG.warn("补记数据库时无法读取 {}：{}", s.storedName(), e.reason());
            }
        }
        if (added > 0) LOG.warn("数据库缺少 {} 份已检查的报告，已从 done/ 补记", added);
    }

    public StoreOfRecord store() {
        return store;
    }

    /** The port HTTP listens on (the real one when 0 was asked for). */
    public int port() {
        return http.getServer().actualPort();
    }

    public LiveIndex index() {
        return index;
    }

    public ContentRegistry registry() {
        return registry;
    }

    public CamelContext camel() {
        return camel;
    }

    /** Whether the service takes work now, and why not. */
    public StorageGuard storage() {
        return storage;
    }

    /** Stops taking files, finishes those being checked (or leaves them in the inbox after the timeout), commits the index. */
    @Override
    public void close() throws IOException {
        catchUp.close();
        storage.close();
        try {
            camel.stop();
        } finally {
            try {
                index.close();
            } finally {
                try {
                    store.close();
                } finally {
                    if (folderLock != null) folderLock.close();
                }
            }
        }
    }
}

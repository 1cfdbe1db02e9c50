package org.jixiao.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.jixiao.index.Condition;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.output.ReportJson;
import org.jixiao.route.ContentRegistry;
import org.jixiao.route.DataFolders;
import org.jixiao.route.IntakeHeaders;
import org.jixiao.route.IntakeHeaders.Outcome;
import org.jixiao.route.IntakeRoutes;
import org.jixiao.route.LiveIndex;
import org.jixiao.route.ReportSummary;
import org.jixiao.route.StorageGuard;
import org.jixiao.route.StorageUnavailableException;
import org.jixiao.route.SubmittedName;
import org.jixiao.model.Submission;
import org.jixiao.store.StoreOfRecord;

/**
 * The REST API (JSON, messages in Chinese) and the web page's files. Uploads go through the same
 * {@link IntakeRoutes#CHECK} route as the inbox, so they are stored, indexed and recorded alike.
 */
public final class ApiRoutes extends RouteBuilder {

    static final String ERRORS = "api-errors";
    static final String JSON = "application/json; charset=UTF-8";
    /** Most reports one listing or search returns. */
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIST_LIMIT = 200;
    /** Marker Camel's file read lock writes beside a file it is taking (FileComponent.DEFAULT_LOCK_FILE_POSTFIX). */
    static final String CAMEL_LOCK_SUFFIX = ".camelLock";
    /** Header platform-http sets to the number of files in a multipart body (several with one field name keep only the last as attachment). */
    static final String ATTACHMENTS_SIZE = "CamelAttachmentsSize";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    /** Pages may load only their own scripts and styles; nothing from elsewhere, no inline script. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final DataFolders folders;
    private final ContentRegistry registry;
    private final LiveIndex index;
    private final ReportListing listing;
    private final StaticPages pages = new StaticPages();
    private final ObjectMapper mapper = ReportJson.mapper();
    private final StorageGuard storage;
    private volatile ProducerTemplate intake;

    private final StoreOfRecord store;

    /**
     * @param store the store of record: reports checked elsewhere (the CLI's {@code check --data}) are
     *              found there when done/ does not have them, so every search hit opens
     */
    public ApiRoutes(DataFolders folders, ContentRegistry registry, LiveIndex index, ReportListing listing,
                     StorageGuard storage, StoreOfRecord store) {
        this.store = store;
        this.folders = folders;
        this.registry = registry;
        this.index = index;
        this.listing = listing;
        this.storage = storage;
    }

    /** The API's error handling, in one place: a refused request is a 4xx with a Chinese JSON message, anything else a 500. */
    public RouteConfigurationBuilder errorHandling() {
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(ERRORS)
                        .onException(ApiProblem.class).handled(true)
                            .process(e -> problem(e, e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiProblem.class).status()))
                        .end()
                        .onException(InvalidQueryException.class).handled(true)
                            .process(e -> problem(e, 400))
                        .end()
                        .onException(IllegalArgumentException.class).handled(true)
                            .process(e -> problem(e, 400, "请求参数无效"))
                        .end()
                        .onException(Exception.class).handled(true)
                            .process(e -> problem(e, 500))
                        .end();
            }
        };
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);
        rest("/api")
                .get("/health").to("direct:api-health")
                .post("/reports").to("direct:api-upload")
                .get("/reports").to("direct:api-list")
                .get("/reports/{id}").to("direct:api-report")
                .get("/reports/{id}/original").to("direct:api-original")
                .get("/search").to("direct:api-search")
                .get("/finding-codes").to("direct:api-finding-codes");

        from("direct:api-health").routeId("api-health").routeConfigurationId(ERRORS).process(this::health);
        from("direct:api-upload").routeId("api-upload").routeConfigurationId(ERRORS).process(this::upload);
        from("direct:api-list").routeId("api-list").routeConfigurationId(ERRORS).process(this::list);
        from("direct:api-report").routeId("api-report").routeConfigurationId(ERRORS).process(this::report);
        from("direct:api-original").routeId("api-original").routeConfigurationId(ERRORS).process(this::original);
        from("direct:api-search").routeId("api-search").routeConfigurationId(ERRORS).process(this::search);
        from("direct:api-finding-codes").routeId("api-finding-codes").routeConfigurationId(ERRORS).process(this::findingCodes);

        for (Map.Entry<String, StaticPages.Page> page : StaticPages.PAGES.entrySet()) {
            String routeId = "page" + page.getKey().replaceAll("[^A-Za-z0-9]", "-");
            from("platform-http:" + page.getKey() + "?httpMethodRestrict=GET").routeId(routeId).routeConfigurationId(ERRORS)
                    .process(e -> {
                        Message out = e.getMessage();
                        out.getHeaders().clear();
                        out.setHeader(Exchange.CONTENT_TYPE, page.getValue().contentType());
                        out.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                        out.setHeader("X-Content-Type-Options", "nosniff");
                        out.setHeader("Cache-Control", "no-cache");
                        out.setBody(pages.content(page.getValue()));
                    });
        }
    }

    private void health(Exchange e) throws IOException {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        ObjectNode body = mapper.createObjectNode();
        var degraded = storage.degraded();
        // DEGRADED: searching and reading reports work, taking new ones does not (the disk is full).
        body.put("status", degraded.isPresent() ? "DEGRADED" : "UP");
        degraded.ifPresent(reason -> body.put("reason", reason));
        body.put("reports", registry.size());
        body.put("waiting", countInbox());
        json(e, 200, body);
    }

    /** Files the intake will take: not hidden, not the {@code .camelLock} markers its read lock writes beside a file. */
    private long countInbox() throws IOException {
        long n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folders.inbox(),
                p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().endsWith(CAMEL_LOCK_SUFFIX)
                        && Files.isRegularFile(p))) {
            for (Path ignored : files) n++;
        }
        return n;
    }

    /**
     * Exactly one file in the multipart body, checked by the intake's own route in an exchange of its
     * own: the intake's error handler ends that exchange (the file is in failed/), and the answer is
     * built from how it ended.
     */
    private void upload(Exchange e) throws IOException {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        Integer files = e.getMessage().getHeader(ATTACHMENTS_SIZE, Integer.class);
        if (files != null && files > 1) {
            throw ApiProblem.badRequest("一次请只上传一个文件：此请求含 " + files + " 个文件，均未接收；多个文件请逐个上传");
        }
        AttachmentMessage message = e.getMessage(AttachmentMessage.class);
        Map<String, DataHandler> attachments = message.hasAttachments() ? message.getAttachments() : Map.of();
        if (attachments.isEmpty()) {
            throw ApiProblem.badRequest("请求中没有文件：请以 multipart/form-data 上传一个报告文件（字段名 file）");
        }
        if (attachments.size() > 1) throw ApiProblem.badRequest("一次请只上传一个文件：多个文件请逐个上传");
        DataHandler file = attachments.values().iterator().next();
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String name = SubmittedName.clean(file.getName());
        String submitter = ReviewRoutes.actor(e).name();
        Exchange checked = intake().send(IntakeRoutes.CHECK, x -> {
            x.getMessage().setHeader(IntakeHeaders.SUBMITTER, submitter);
            x.getMessage().setHeader(IntakeHeaders.FILE_NAME, name);
            x.getMessage().setBody(bytes);
        });
        if (checked.getException() instanceof StorageUnavailableException full) {
            // Nothing was stored: the sender keeps the file and sends it again later.
            throw new ApiProblem(503, "未接收“" + name + "”：" + full.getMessage());
        }
        Message in = checked.getMessage();
        Outcome outcome = Outcome.valueOf(in.getHeader(IntakeHeaders.OUTCOME, String.class));
        String sha = in.getHeader(IntakeHeaders.SHA256, String.class);
        ObjectNode body = mapper.createObjectNode();
        body.put("outcome", outcome.name());
        body.put("id", sha);
        body.put("file", in.getHeader(IntakeHeaders.FILE_NAME, String.class));
        body.put("storedName", in.getHeader(IntakeHeaders.STORED_NAME, String.class));
        int status;
        switch (outcome) {
            case CHECKED, DUPLICATE -> {
                String first = in.getHeader(IntakeHeaders.DUPLICATE_OF, String.class);
                var summary = registry.find(sha);
                if (outcome == Outcome.DUPLICATE) {
                    body.put("duplicateOf", first);
                    body.put("message", summary.isPresent()
                            ? "与已提交的“" + first + "”内容完全相同，未重复检查，显示原结果。"
                            : "与正在检查的“" + first + "”内容完全相同，未重复检查；稍后可在报告列表中查看其结果。");
                }
                if (summary.isPresent()) body.set("report", mapper.readTree(registry.json(summary.get())));
                status = outcome == Outcome.CHECKED ? 201 : 200;
            }
            case TOO_LARGE -> status = 413;
            case UNREADABLE -> status = 422;
            default -> status = 500;
        }
        if (status >= 400) body.put("error", "无法检查“" + in.getHeader(IntakeHeaders.FILE_NAME) + "”：" + in.getHeader(IntakeHeaders.FAILURE));
        json(e, status, body);
    }

    private ProducerTemplate intake() {
        if (intake == null) intake = getContext().createProducerTemplate();
        return intake;
    }

    private void list(Exchange e) {
        QueryParameters q = QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class),
                Set.of("region", "year", "finding", "limit"));
        List<ReportSummary> found = listing.filter(registry.all(), q.text("region"), q.years("year"), q.code("finding"));
        int limit = q.positive("limit", DEFAULT_LIST_LIMIT, MAX_LIMIT);
        ObjectNode body = mapper.createObjectNode();
        body.put("total", found.size());
        body.set("reports", mapper.valueToTree(found.subList(0, Math.min(limit, found.size()))));
        json(e, 200, body);
    }

    /** A report found by its id: in the service's done/, or else in the store of record. */
    private record Located(ReportSummary done, Submission stored) {
    }

    /**
     * Where the report of the request's id is: done/ first; else the store of record, which also
     * holds the reports the CLI checked into the same data folder ({@code check --data}), so that
     * every search hit opens.
     */
    private Located locate(Exchange e) {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        String id = QueryParameters.sha256(e.getMessage().getHeader("id", String.class));
        var done = registry.find(id);
        if (done.isPresent()) return new Located(done.get(), null);
        var stored = store == null ? java.util.Optional.<Submission>empty() : store.findChecked(id);
        return new Located(null, stored.orElseThrow(() -> ApiProblem.notFound("没有编号为 " + id + " 的报告")));
    }

    private void report(Exchange e) {
        Located report = locate(e);
        String json = report.done() != null ? registry.json(report.done()) : store.reportJson(report.stored().id()).orElseThrow();
        Message out = e.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, JSON);
        out.setBody(json);
    }

    /** The original file from done/, found by id only; served as a download so a browser never renders it. */
    private void original(Exchange e) throws IOException {
        Located report = locate(e);
        if (report.stored() != null) {
            ReviewRoutes.sendOriginal(e, store, report.stored());
            return;
        }
        ReportSummary summary = report.done();
        String type = summary.mediaType() != null && MEDIA_TYPE.matcher(summary.mediaType()).matches()
                ? summary.mediaType() : "application/octet-stream";
        download(e, summary.storedName(), type, Files.readAllBytes(registry.original(summary)));
    }

    /**
     * A file answered as a download under its own name (ASCII fallback and the UTF-8 name), sandboxed:
     * a browser never renders a submitted file in the service's origin.
     */
    static void download(Exchange e, String name, String contentType, byte[] bytes) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Message out = e.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Content-Security-Policy", "sandbox");
        out.setBody(bytes);
    }

    /** The CLI's search over HTTP: same parameters, same semantics, JSON out. */
    private void search(Exchange e) {
        QueryParameters q = QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class),
                Set.of("q", "region", "year", "kind", "level1", "finding", "where", "sort", "history", "limit"));
        int[] years = q.years("year");
        SearchRequest request = new SearchRequest(q.text("q"), q.text("region"),
                years == null ? null : years[0], years == null ? null : years[1], q.text("kind"), q.text("level1"),
                q.code("finding"), Condition.parse(q.text("where")), q.flag("history"), q.text("sort"),
                q.positive("limit", SearchRequest.DEFAULT_LIMIT, MAX_LIMIT), true, null);
        SearchResult result = index.search(request);
        json(e, 200, mapper.valueToTree(result));
    }

    /** The catalogue of finding codes, severities and field names: the web page takes every title from here. */
    private void findingCodes(Exchange e) {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        json(e, 200, FindingCatalogue.json(mapper));
    }

    private void problem(Exchange e, int status) {
        problem(e, status, status >= 500 ? "服务器内部错误，请联系管理员查看服务日志" : null);
    }

    /** A JSON error answer; {@code message} null means the exception's own (Chinese) message. */
    private void problem(Exchange e, int status, String fixedMessage) {
        Throwable cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message = fixedMessage != null ? fixedMessage : cause.getMessage();
        if (status >= 500 || fixedMessage != null) log.warn("API 请求失败（{}）", status, cause);
        ObjectNode body = mapper.createObjectNode();
        body.put("error", message);
        json(e, status, body);
    }

    private void json(Exchange e, int status, JsonNode body) {
        json(e, status, body, mapper);
    }

    /** A JSON answer, written by the given mapper (the review API's writes dates as text). */
    static void json(Exchange e, int status, JsonNode body, ObjectMapper writer) {
        Message out = e.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, JSON);
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Cache-Control", "no-store");
        try {
            out.setBody(writer.writeValueAsString(body));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

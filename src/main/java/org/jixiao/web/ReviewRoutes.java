package org.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.jixiao.model.FindingDecision;
import org.jixiao.model.ReportKind;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.Role;
import org.jixiao.model.Submission;
import org.jixiao.model.SubmissionOutcome;
import org.jixiao.model.UserAccount;
import org.jixiao.output.ReportJson;
import org.jixiao.output.ReportsWorkbook;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreRefusal;
import org.jixiao.store.SubmissionQuery;

/**
 * The reviewer's API on the store of record: submissions listed and filtered (failed and duplicate
 * files included, with their reasons), one submission with its report, decisions, audit trail and
 * predecessor, the review actions, the dashboard's counts, and the users. Every action names the
 * user the session gate put on the request; the store checks the role again.
 */
public final class ReviewRoutes extends RouteBuilder {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Largest JSON body an action takes (an opinion of a few pages). */
    static final int MAX_ACTION_BYTES = 64 * 1024;
    /** Most submissions one list returns. */
    static final int MAX_LIST = 5000;

    private final StoreOfRecord store;
    /** The canonical report mapper, with dates as ISO-8601 text (2026-03-01T08:00:00Z). */
    private final ObjectMapper mapper = ReportJson.mapper().copy()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public ReviewRoutes(StoreOfRecord store) {
        this.store = store;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);
        rest("/api")
                .get("/submissions").to("direct:review-list")
                .get("/submissions.xlsx").to("direct:review-xlsx")
                .get("/submissions/{id}").to("direct:review-one")
                .get("/submissions/{id}/original").to("direct:review-original")
                .post("/submissions/{id}/review").to("direct:review-status")
                .post("/submissions/{id}/decisions").to("direct:review-decide")
                .get("/dashboard").to("direct:review-dashboard")
                .get("/users").to("direct:review-users")
                .post("/users").to("direct:review-add-user");
        from("direct:review-list").routeId("review-list").routeConfigurationId(ApiRoutes.ERRORS).process(this::list);
        from("direct:review-xlsx").routeId("review-xlsx").routeConfigurationId(ApiRoutes.ERRORS).process(this::xlsx);
        from("direct:review-original").routeId("review-original").routeConfigurationId(ApiRoutes.ERRORS).process(this::original);
        from("direct:review-one").routeId("review-one").routeConfigurationId(ApiRoutes.ERRORS).process(this::one);
        from("direct:review-status").routeId("review-status").routeConfigurationId(ApiRoutes.ERRORS).process(this::review);
        from("direct:review-decide").routeId("review-decide").routeConfigurationId(ApiRoutes.ERRORS).process(this::decide);
        from("direct:review-dashboard").routeId("review-dashboard").routeConfigurationId(ApiRoutes.ERRORS).process(this::dashboard);
        from("direct:review-users").routeId("review-users").routeConfigurationId(ApiRoutes.ERRORS).process(this::users);
        from("direct:review-add-user").routeId("review-add-user").routeConfigurationId(ApiRoutes.ERRORS).process(this::addUser);
    }

    /** The query a list request asks for; every value checked, none reaching SQL but as a parameter. */
    static SubmissionQuery query(QueryParameters q) {
        ReviewStatus status = null;
        if (q.text("status") != null) {
            status = ReviewStatus.parse(q.text("status"));
            if (status == null) throw ApiProblem.badRequest("未知的审核状态“" + q.text("status") + "”，可用：待审、退回、通过");
        }
        SubmissionOutcome outcome = constant(q, "outcome", SubmissionOutcome.class, "处理结果");
        ReportKind kind = constant(q, "kind", ReportKind.class, "报告类型");
        SubmissionQuery.Sort sort = constant(q, "sort", SubmissionQuery.Sort.class, "排序");
        int[] years = q.years("year");
        if (years != null && years[0] != years[1]) throw ApiProblem.badRequest("列表按单个年度筛选，例如 year=2023");
        Boolean partly = q.text("partly") == null ? null : q.flag("partly");
        Boolean errors = q.text("errors") == null ? null : q.flag("errors");
        return new SubmissionQuery(status, outcome, q.text("region"), years == null ? null : years[0], kind, partly, errors,
                sort, q.positive("limit", SubmissionQuery.DEFAULT_LIMIT, MAX_LIST),
                Dashboard.chosen(q.text("rate"), Dashboard.RATES, "执行率"),
                Dashboard.chosen(q.text("score"), Dashboard.SCORES, "总分"), q.text("code"));
    }

    /** A parameter naming one of an enum's constants; null when absent, a Chinese 400 listing them when unknown. */
    private static <E extends Enum<E>> E constant(QueryParameters q, String name, Class<E> type, String what) {
        String v = q.text(name);
        if (v == null) return null;
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(v)) return c;
        }
        throw ApiProblem.badRequest("未知的" + what + "“" + v + "”，可用：" + String.join("、",
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    private static final Set<String> LIST_PARAMETERS = Set.of("status", "outcome", "region", "year", "kind", "partly",
            "errors", "sort", "limit", "rate", "score", "code");

    private void list(Exchange e) {
        QueryParameters q = QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), LIST_PARAMETERS);
        List<Submission> found = store.list(query(q));
        ObjectNode body = mapper.createObjectNode();
        body.put("count", found.size());
        ArrayNode rows = body.putArray("submissions");
        for (Submission s : found) rows.add(row(s));
        json(e, 200, body);
    }

    /** The listed submissions as an Excel workbook (reports, findings, indicators), with the same filters as the list. */
    private void xlsx(Exchange e) throws Exception {
        QueryParameters q = QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), LIST_PARAMETERS);
        List<ReportsWorkbook.Entry> entries = new java.util.ArrayList<>();
        for (Submission s : store.list(query(q))) {
            String json = store.reportJson(s.id()).orElse(null);
            String status = s.outcome() == SubmissionOutcome.CHECKED ? s.status().chinese() : s.outcome().chinese();
            entries.add(new ReportsWorkbook.Entry(s.fileName(), status, json == null ? null : ReportJson.read(json),
                    json == null ? s.reason() : null));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ReportsWorkbook.write(entries, bytes);
        ApiRoutes.download(e, "绩效报告审核.xlsx", XLSX, bytes.toByteArray());
    }

    /** The submitted file, found by the submission's number only; a download, never rendered by the browser. */
    private void original(Exchange e) {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        sendOriginal(e, store, submission(e));
    }

    /** The submission's file as a download (its bytes from the store), for this API and the report page's. */
    static void sendOriginal(Exchange e, StoreOfRecord store, Submission s) {
        byte[] bytes = store.original(s.id()).orElseThrow(() -> ApiProblem.notFound("第 " + s.id() + " 号提交的原始文件未保存"));
        ApiRoutes.download(e, s.fileName(), "application/octet-stream", bytes);
    }

    /** One submission as the list and the report view show it: the stable codes and their Chinese words. */
    private ObjectNode row(Submission s) {
        ObjectNode o = mapper.valueToTree(s);
        o.put("statusName", s.status().chinese());
        o.put("outcomeName", s.outcome().chinese());
        return o;
    }

    static long id(Exchange e) {
        String raw = e.getMessage().getHeader("id", String.class);
        try {
            long id = Long.parseLong(raw == null ? "" : raw.strip());
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw ApiProblem.badRequest("提交编号应为正整数");
    }

    private Submission submission(Exchange e) {
        return submission(e, store);
    }

    /** The submission the path's {@code id} names; a Chinese 400 or 404 otherwise. */
    static Submission submission(Exchange e, StoreOfRecord store) {
        long id = id(e);
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("没有第 " + id + " 号提交"));
    }

    private void one(Exchange e) throws Exception {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        Submission s = submission(e);
        ObjectNode body = mapper.createObjectNode();
        body.set("submission", row(s));
        String json = store.reportJson(s.id()).orElse(null);
        body.set("report", json == null ? null : mapper.readTree(json));
        ObjectNode decisions = body.putObject("decisions");
        for (Map.Entry<String, StoreOfRecord.FindingDecisionRecord> d : store.findingDecisions(s.id()).entrySet()) {
            ObjectNode o = mapper.valueToTree(d.getValue());
            o.put("decisionName", d.getValue().decision().chinese());
            decisions.set(d.getKey(), o);
        }
        body.set("audit", mapper.valueToTree(store.audit(s.id())));
        history(body, s, json);
        if (s.predecessorId() != null) {
            Submission before = store.find(s.predecessorId()).orElse(null);
            if (before != null) {
                ObjectNode p = body.putObject("predecessor");
                p.set("submission", row(before));
                String beforeJson = store.reportJson(before.id()).orElse(null);
                if (beforeJson != null && json != null) {
                    p.set("changes", ResubmissionDiff.between(mapper.readTree(beforeJson), mapper.readTree(json), mapper));
                }
            }
        }
        json(e, 200, body);
    }

    /**
     * The project across years and resubmissions, and — for a declaration — its targets beside what
     * the project achieved the year before (the latest self-evaluation of that year).
     */
    private void history(ObjectNode body, Submission s, String json) throws Exception {
        if (s.outcome() != SubmissionOutcome.CHECKED) return;
        List<Submission> all = store.projectHistory(s.project(), s.region());
        ArrayNode rows = body.putArray("history");
        for (Submission h : all) rows.add(row(h));
        if (json == null || s.kind() != ReportKind.TARGET_DECLARATION || s.year() == null) return;
        Submission lastYear = null;
        for (Submission h : all) {
            if (h.kind() == ReportKind.SELF_EVALUATION && h.year() != null && h.year() == s.year() - 1) lastYear = h;
        }
        if (lastYear == null) return;
        String before = store.reportJson(lastYear.id()).orElse(null);
        if (before == null) return;
        ObjectNode compared = body.putObject("lastYear");
        compared.set("submission", row(lastYear));
        compared.set("indicators", TargetsAgainstLastYear.rows(mapper.readTree(json), mapper.readTree(before), mapper));
    }

    private JsonNode actionBody(Exchange e) {
        byte[] bytes = e.getMessage().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) throw ApiProblem.badRequest("请求体为空：应为 JSON");
        if (bytes.length > MAX_ACTION_BYTES) throw ApiProblem.badRequest("请求体过大（最多 " + MAX_ACTION_BYTES / 1024 + " KB）");
        try {
            JsonNode body = mapper.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) throw ApiProblem.badRequest("请求体应为 JSON 对象");
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw ApiProblem.badRequest("请求体不是有效的 JSON");
        }
    }

    /** The user the session gate put on the request; a request without one never gets here but is refused anyway. */
    static UserAccount actor(Exchange e) {
        UserAccount user = SessionGate.actingUser(e.getMessage().getHeader(SessionGate.USER_HEADER, String.class),
                e.getMessage().getHeader(SessionGate.ROLE_HEADER, String.class));
        if (user == null) throw new ApiProblem(401, "请先登录");
        return user;
    }

    private void review(Exchange e) {
        UserAccount by = actor(e);
        JsonNode body = actionBody(e);
        ReviewStatus next = ReviewStatus.parse(text(body, "status"));
        if (next == null) throw ApiProblem.badRequest("status 应为 待审、退回 或 通过");
        Submission s = submission(e);
        try {
            json(e, 200, row(store.review(s.id(), next, text(body, "opinion"), by)));
        } catch (StoreRefusal refusal) {
            throw new ApiProblem(by.role().mayReview() ? 409 : 403, refusal.getMessage());
        }
    }

    private void decide(Exchange e) throws Exception {
        UserAccount by = actor(e);
        JsonNode body = actionBody(e);
        FindingDecision decision = FindingDecision.parse(text(body, "decision"));
        if (decision == null) throw ApiProblem.badRequest("decision 应为 确认 或 忽略");
        String key = text(body, "finding");
        Submission s = submission(e);
        if (!FindingKeys.of(store.reportJson(s.id()).orElse(null), mapper).contains(key)) {
            throw ApiProblem.badRequest("第 " + s.id() + " 号提交的报告中没有问题“" + key + "”");
        }
        try {
            store.decideFinding(s.id(), key, decision, text(body, "reason"), by);
        } catch (StoreRefusal refusal) {
            throw new ApiProblem(by.role().mayReview() ? 409 : 403, refusal.getMessage());
        }
        one(e);
    }

    private void dashboard(Exchange e) {
        QueryParameters q = QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of("year", "region"));
        int[] years = q.years("year");
        if (years != null && years[0] != years[1]) throw ApiProblem.badRequest("看板按单个年度统计，例如 year=2023");
        List<Submission> all = store.list(new SubmissionQuery(null, null, q.text("region"), years == null ? null : years[0],
                null, null, null, SubmissionQuery.Sort.NEWEST_FIRST, MAX_LIST));
        json(e, 200, Dashboard.of(all, mapper));
    }

    private void users(Exchange e) {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        administrator(e);
        json(e, 200, mapper.valueToTree(store.users()));
    }

    private void addUser(Exchange e) {
        UserAccount by = administrator(e);
        JsonNode body = actionBody(e);
        Role role = Role.parse(text(body, "role"));
        if (role == null) throw ApiProblem.badRequest("role 应为 经办、审核 或 管理");
        String password = text(body, "password");
        try {
            json(e, 201, mapper.valueToTree(store.addUser(text(body, "name"), role, password.toCharArray(), by.name())));
        } catch (StoreRefusal refusal) {
            throw ApiProblem.badRequest(refusal.getMessage());
        }
    }

    private static UserAccount administrator(Exchange e) {
        UserAccount by = actor(e);
        if (!by.role().mayAdminister()) throw new ApiProblem(403, "只有管理角色可以管理用户");
        return by;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? "" : v.asText("");
    }

    private void json(Exchange e, int status, JsonNode body) {
        ApiRoutes.json(e, status, body, mapper);
    }
}

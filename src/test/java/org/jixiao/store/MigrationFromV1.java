package org.jixiao.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.jixiao.model.AuditEvent;
import org.jixiao.model.FindingDecision;
import org.jixiao.model.Report;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.Role;
import org.jixiao.model.Submission;
import org.jixiao.model.SubmissionOutcome;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.Test;

/**
 * A database written by the previous version (schema V1, rows as V1's store wrote them) opened by
 * this one: the migration runs, every row survives, and what V2 adds works on the old rows and on
 * new ones. Run against each engine by a subclass, as the store contract is.
 */
abstract class MigrationFromV1 {

    private static final String QINGDAO_TXT = "qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt";
    private static final Instant T0 = Instant.parse("2025-11-03T09:30:00Z");
    /** V1 kept a report's finding codes as one text, a code once per finding. */
    private static final String V1_CODES = "EXECUTION_RATE_MISMATCH EXECUTION_SCORE_MISMATCH EXECUTION_RATE_MISMATCH";
    private static final String V1_SHA = "a1".repeat(32);
    private static final String FAILED_SHA = "f0".repeat(32);
    private static final String PASSWORD = "旧版本的审核员密码";

    /** An empty database; the store's settings for it. */
    protected abstract StoreSettings emptyDatabase() throws Exception;

    @Test
    void aVersionOneDatabaseIsMigratedWithItsData() throws Exception {
        StoreSettings settings = emptyDatabase();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("1").load().migrate();
        Report r = StoreContract.corpus(QINGDAO_TXT);
        long checked;
        long failed;
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            checked = insertV1Checked(c, r);
            failed = insertV1Failed(c);
        }

        try (StoreOfRecord store = JdbcStore.open(settings)) {
            assertEquals(latestVersion(settings), currentVersion(settings), "opening the store brings the schema up to date");

            Submission old = store.find(checked).orElseThrow();
            assertEquals(SubmissionOutcome.CHECKED, old.outcome());
            assertEquals(ReviewStatus.RETURNED, old.status());
            assertEquals(r.project().name(), old.project());
            assertEquals(r.region(), old.region());
            assertEquals(new BigDecimal("95.5"), old.executionRate());
            assertEquals(new BigDecimal("88.25"), old.totalScore());
            assertEquals(List.of(V1_CODES.split(" ")), old.findingCodes());
            assertEquals(T0, old.submittedAt());
            assertEquals(ReportJson.write(r), store.reportJson(checked).orElseThrow());
            assertArrayEquals("原件".getBytes(StandardCharsets.UTF_8), store.original(checked).orElseThrow());
            assertEquals(FindingDecision.CONFIRMED, store.findingDecisions(checked).get("EXECUTION_RATE_MISMATCH|执行率").decision());
            assertEquals(List.of("提交", "退回"), store.audit(checked).stream().map(AuditEvent::action).toList());
            assertEquals("文件无法解析", store.find(failed).orElseThrow().reason());
            assertEquals(Role.REVIEWER, store.authenticate("laoshenhe", PASSWORD.toCharArray()).orElseThrow().role(),
                    "a V1 user logs in with the password set under V1");

            // V2: the codes split into rows with their counts, and the filters that use them.
            assertEquals(Map.of("EXECUTION_RATE_MISMATCH", 2, "EXECUTION_SCORE_MISMATCH", 1), findingRows(settings, checked));
            assertEquals(List.of(checked), ids(store.list(SubmissionQuery.ALL.withFindingCode("EXECUTION_SCORE_MISMATCH"))));
            assertEquals(List.of(), ids(store.list(SubmissionQuery.ALL.withFindingCode("INDICATOR_SCORE_MISMATCH"))));
            SubmissionQuery.Range ninetyToHundred = new SubmissionQuery.Range(new BigDecimal(90), true, new BigDecimal(100), true);
            assertEquals(List.of(checked), ids(store.list(SubmissionQuery.ALL.withExecutionRate(ninetyToHundred))));
            assertEquals(List.of(), ids(store.list(SubmissionQuery.ALL.withTotalScore(ninetyToHundred))),
                    "88.25 is below 90; a failed file has no score and is in no range");

            // A new submission of the same project links to the V1 one, and its codes get their rows.
            Submission resubmitted = store.recordChecked(r, ReportJson.write(r), null, "经办甲", T0.plusSeconds(86_400));
            assertEquals(checked, resubmitted.predecessorId());
            assertTrue(resubmitted.id() > failed, "identities go on after the V1 rows: " + resubmitted.id());
            Map<String, Integer> expected = new TreeMap<>();
            for (var f : r.findings()) expected.merge(f.code(), 1, Integer::sum);
            assertEquals(expected, findingRows(settings, resubmitted.id()));
            assertEquals(List.of(resubmitted.id(), failed, checked), ids(store.list(SubmissionQuery.ALL)));
        }
    }

    /** A checked report as V1's store wrote it: its row, JSON, original, a decision, and two audit events. */
    private static long insertV1Checked(Connection c, Report r) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO submission (sha256, file_name, submitted_at, submitter,"
                + " outcome, kind, report_year, region, project, department, errors, warnings, partly_read, total_score,"
                + " execution_rate, finding_codes, status, checked_sha256) VALUES (?, ?, ?, ?, 'CHECKED', ?, ?, ?, ?, ?, 2, 1,"
                + " FALSE, 88.25, 95.5, ?, 'RETURNED', ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, V1_SHA);
            s.setString(2, "青岛市2019年自评.txt");
            s.setTimestamp(3, Timestamp.from(T0));
            s.setString(4, "经办甲");
            s.setString(5, r.kind().name());
            s.setInt(6, r.year());
            s.setString(7, r.region());
            s.setString(8, r.project().name());
            s.setString(9, "青岛市财政局");
            s.setString(10, V1_CODES);
            s.setString(11, V1_SHA);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        update(c, "INSERT INTO report (submission_id, json) VALUES (?, ?)", id, ReportJson.write(r));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO original (sha256, content) VALUES (?, ?)")) {
            s.setString(1, V1_SHA);
            s.setBytes(2, "原件".getBytes(StandardCharsets.UTF_8));
            s.executeUpdate();
        }
        update(c, "INSERT INTO finding_decision (submission_id, finding_key, decision, reason, decided_by, decided_at)"
                + " VALUES (?, ?, 'CONFIRMED', '', 'laoshenhe', ?)", id, "EXECUTION_RATE_MISMATCH|执行率", Timestamp.from(T0));
        update(c, "INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, 'REVIEWER', ?, ?)",
                "laoshenhe", new PasswordHashing().hash(PASSWORD.toCharArray()), Timestamp.from(T0));
        update(c, "INSERT INTO audit_event (submission_id, actor, action, detail, at) VALUES (?, '经办甲', '提交', '', ?)",
                id, Timestamp.from(T0));
        update(c, "INSERT INTO audit_event (submission_id, actor, action, detail, at) VALUES (?, 'laoshenhe', '退回', '请核实执行率', ?)",
                id, Timestamp.from(T0.plusSeconds(600)));
        return id;
    }

    private static long insertV1Failed(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO submission (sha256, file_name, submitted_at, submitter,"
                + " outcome, reason, status) VALUES (?, '坏文件.docx', ?, '经办甲', 'FAILED', '文件无法解析', 'PENDING')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, FAILED_SHA);
            s.setTimestamp(2, Timestamp.from(T0.plusSeconds(60)));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            s.executeUpdate();
        }
    }

    private static Map<String, Integer> findingRows(StoreSettings settings, long id) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             PreparedStatement s = c.prepareStatement("SELECT code, findings FROM submission_finding WHERE submission_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getInt(2));
            }
        }
        return out;
    }

    /** The newest migration the jar ships (V2 is the one this test was written for; later ones apply too). */
    private static String latestVersion(StoreSettings settings) {
        var all = Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").load().info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    private static String currentVersion(StoreSettings settings) {
        return Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").load().info().current().getVersion().getVersion();
    }

    private static List<Long> ids(List<Submission> list) {
        return list.stream().map(Submission::id).toList();
    }
}

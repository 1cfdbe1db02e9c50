package org.jixiao.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jixiao.model.AuditEvent;
import org.jixiao.model.FindingDecision;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.Role;
import org.jixiao.model.Severity;
import org.jixiao.model.Submission;
import org.jixiao.model.SubmissionOutcome;
import org.jixiao.model.UserAccount;

/**
 * The store of record on JDBC: one implementation for the embedded H2 database and for
 * PostgreSQL. Every statement is prepared with parameters; the only SQL assembled from parts is a
 * fixed ORDER BY chosen from an enum and fixed filter clauses.
 */
public final class JdbcStore implements StoreOfRecord {

    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Connections held open: the service's request threads and one intake at a time fit well inside. */
    private static final int POOL_SIZE = 4;
    /** Longest name, reason or opinion kept (the columns' width). */
    private static final int MAX_TEXT = 4000;
    private static final int MAX_NAME = 128;
    /** Width of a finding code's column (the longest code is under 30 characters). */
    private static final int MAX_CODE = 64;

    private static final String SUBMISSION_COLUMNS = "id, sha256, file_name, submitted_at, submitter, outcome, reason,"
            + " kind, report_year, region, project, department, errors, warnings, partly_read, total_score,"
            + " execution_rate, finding_codes, status, predecessor_id";

    private final HikariDataSource data;
    private final PasswordHashing passwords = new PasswordHashing();
    /** Records each content at most once ({@link #once()}); such a view does not own the pool. */
    private final boolean once;

    private JdbcStore(HikariDataSource data, boolean once) {
        this.data = data;
        this.once = once;
    }

    /** Opens the store and brings its schema up to date. */
    public static JdbcStore open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isEmpty()) config.setUsername(settings.user());
        if (!settings.password().isEmpty()) config.setPassword(settings.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("jixiao-store");
        HikariDataSource data;
        try {
            data = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("无法打开数据库 " + settings.jdbcUrl().replaceFirst(";.*", "")
                    + "（" + firstLine(e) + "）", e);
        }
        try {
            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            data.close();
            throw new StoreUnavailableException("数据库结构无法升级到当前版本（" + firstLine(e) + "）", e);
        }
        return new JdbcStore(data, false);
    }

    @Override
    public Submission recordChecked(Report report, String reportJson, byte[] original, String submitter, Instant at) {
        String sha = report.source().sha256();
        return inTransaction(c -> {
            Optional<Submission> earlier = findChecked(c, sha);
            if (earlier.isPresent()) return insertDuplicate(c, report.source().file(), sha, earlier.get(), submitter, at);
            keepOriginal(c, sha, original);
            Long predecessor = predecessor(c, report);
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO submission (sha256, file_name, submitted_at,"
                    + " submitter, outcome, kind, report_year, region, project, department, errors, warnings, partly_read,"
                    + " total_score, execution_rate, finding_codes, status, predecessor_id, checked_sha256)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, sha);
                s.setString(2, clip(report.source().file(), 512));
                s.setTimestamp(3, Timestamp.from(at));
                s.setString(4, clip(submitter, MAX_NAME));
                s.setString(5, SubmissionOutcome.CHECKED.name());
                s.setString(6, report.kind() == null ? null : report.kind().name());
                setInteger(s, 7, report.year());
                s.setString(8, report.region());
                s.setString(9, clip(report.project().name(), 512));
                s.setString(10, clip(department(report), 512));
                s.setInt(11, count(report, Severity.ERROR));
                s.setInt(12, count(report, Severity.WARNING));
                s.setBoolean(13, report.partlyRead());
                s.setBigDecimal(14, report.totalScore());
                s.setBigDecimal(15, report.funds().executionRate());
                s.setString(16, clip(String.join(" ", report.findings().stream().map(f -> f.code()).toList()), MAX_TEXT));
                s.setString(17, ReviewStatus.PENDING.name());
                if (predecessor == null) s.setNull(18, Types.BIGINT); else s.setLong(18, predecessor);
                s.setString(19, sha);
                s.executeUpdate();
                id = generatedId(s);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // The same bytes checked at the same moment by another worker: this one is the copy.
                    throw new ConcurrentCopy();
                }
                throw e;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO report (submission_id, json) VALUES (?, ?)")) {
                s.setLong(1, id);
                s.setString(2, reportJson);
                s.executeUpdate();
            }
            keepFindingCodes(c, id, report);
            appendAudit(c, id, submitter, "提交", report.source().file(), at);
            markTaken(c, sha, id);
            return find(c, id).orElseThrow();
        }, () -> recordChecked(report, reportJson, original, submitter, at));
    }

    @Override
    public Submission recordFailed(String fileName, String sha256, byte[] original, String reason, String submitter, Instant at) {
        return inTransaction(c -> {
            keepOriginal(c, sha256, original);
            long id = insertEnded(c, fileName, sha256, SubmissionOutcome.FAILED, reason, submitter, at);
            appendAudit(c, id, submitter, "提交（无法读取）", reason, at);
            markTaken(c, sha256, id);
            return find(c, id).orElseThrow();
        }, null);
    }

    @Override
    public Optional<Submission> recordDuplicate(String fileName, String sha256, String submitter, Instant at) {
        return inTransaction(c -> {
            Optional<Submission> earlier = findChecked(c, sha256);
            if (earlier.isEmpty()) return Optional.<Submission>empty();
            return Optional.of(insertDuplicate(c, fileName, sha256, earlier.get(), submitter, at));
        }, null);
    }

    private Submission insertDuplicate(Connection c, String fileName, String sha, Submission earlier, String submitter,
                                       Instant at) throws SQLException {
        String reason = "与第 " + earlier.id() + " 号提交（" + earlier.fileName() + "）内容相同";
        long id = insertEnded(c, fileName, sha, SubmissionOutcome.DUPLICATE, reason, submitter, at);
        appendAudit(c, id, submitter, "提交（重复）", reason, at);
        markTaken(c, sha, id);
        return find(c, id).orElseThrow();
    }

    @Override
    public boolean recorded(String sha256) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM submission WHERE sha256 = ? LIMIT 1")) {
                s.setString(1, sha256);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public StoreOfRecord once() {
        return once ? this : new JdbcStore(data, true);
    }

    /**
     * In a view that records once: the content's mark, inserted in the submission's transaction. The
     * primary key refuses a second one, also from another process at the same moment (PostgreSQL makes
     * the second insert wait for the first transaction, then fail), and the whole record is rolled back.
     */
    private void markTaken(Connection c, String sha, long id) throws SQLException {
        if (!once || sha == null || sha.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO delivered (sha256, submission_id) VALUES (?, ?)")) {
            s.setString(1, sha);
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) throw new AlreadyRecorded(sha);
            throw e;
        }
    }

    private long insertEnded(Connection c, String fileName, String sha, SubmissionOutcome outcome, String reason,
                             String submitter, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO submission (sha256, file_name, submitted_at, submitter,"
                + " outcome, reason, status) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, sha);
            s.setString(2, clip(fileName, 512));
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, clip(submitter, MAX_NAME));
            s.setString(5, outcome.name());
            s.setString(6, clip(reason, MAX_TEXT));
            s.setString(7, ReviewStatus.PENDING.name());
            s.executeUpdate();
            return generatedId(s);
        }
    }

    /** One row per finding code of the report, with how many findings carry it: the list's finding filter. */
    private static void keepFindingCodes(Connection c, long id, Report report) throws SQLException {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (var f : report.findings()) codes.merge(clip(f.code(), MAX_CODE), 1, Integer::sum);
        if (codes.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO submission_finding (submission_id, code, findings)"
                + " VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> code : codes.entrySet()) {
                s.setLong(1, id);
                s.setString(2, code.getKey());
                s.setInt(3, code.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The bytes, once per content (a failed file checked again later shares them). */
    private static void keepOriginal(Connection c, String sha, byte[] bytes) throws SQLException {
        if (bytes == null) return;
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM original WHERE sha256 = ?")) {
            q.setString(1, sha);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO original (sha256, content) VALUES (?, ?)")) {
            s.setString(1, sha);
            s.setBytes(2, bytes);
            s.executeUpdate();
        }
    }

    @Override
    public Optional<byte[]> original(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT o.content FROM original o JOIN submission s"
                    + " ON s.sha256 = o.sha256 WHERE s.id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    private static Long predecessor(Connection c, Report report) throws SQLException {
        if (report.project().name() == null || report.year() == null || report.kind() == null) return null;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM submission WHERE outcome = ? AND project = ?"
                + " AND report_year = ? AND kind = ? AND (region = ? OR (region IS NULL AND ? IS NULL))"
                + " ORDER BY submitted_at DESC, id DESC LIMIT 1")) {
            s.setString(1, SubmissionOutcome.CHECKED.name());
            s.setString(2, clip(report.project().name(), 512));
            s.setInt(3, report.year());
            s.setString(4, report.kind().name());
            s.setString(5, report.region());
            s.setString(6, report.region());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    @Override
    public Optional<Submission> find(long id) {
        return read(c -> find(c, id));
    }

    @Override
    public Optional<Submission> findChecked(String sha256) {
        return read(c -> findChecked(c, sha256));
    }

    private static Optional<Submission> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submission WHERE id = ?")) {
            s.setLong(1, id);
            return first(s);
        }
    }

    private static Optional<Submission> findChecked(Connection c, String sha) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submission WHERE checked_sha256 = ?")) {
            s.setString(1, sha);
            return first(s);
        }
    }

    @Override
    public Optional<String> reportJson(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT json FROM report WHERE submission_id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Submission> list(SubmissionQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + SUBMISSION_COLUMNS + " FROM submission WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) { sql.append(" AND status = ? AND outcome = ?"); args.add(q.status().name()); args.add(SubmissionOutcome.CHECKED.name()); }
        if (q.outcome() != null) { sql.append(" AND outcome = ?"); args.add(q.outcome().name()); }
        if (q.region() != null) { sql.append(" AND region = ?"); args.add(q.region()); }
        if (q.year() != null) { sql.append(" AND report_year = ?"); args.add(q.year()); }
        if (q.kind() != null) { sql.append(" AND kind = ?"); args.add(q.kind().name()); }
        if (q.partlyRead() != null) { sql.append(" AND partly_read = ?"); args.add(q.partlyRead()); }
        if (Boolean.TRUE.equals(q.withErrors())) sql.append(" AND errors > 0");
        if (Boolean.FALSE.equals(q.withErrors())) sql.append(" AND errors = 0");
        range(sql, args, "execution_rate", q.executionRate());
        range(sql, args, "total_score", q.totalScore());
        if (q.findingCode() != null) {
            sql.append(" AND id IN (SELECT submission_id FROM submission_finding WHERE code = ?)");
            args.add(q.findingCode());
        }
        sql.append(" ORDER BY ").append(q.sort().orderBy).append(" LIMIT ?");
        args.add(q.limit());
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
                return all(s);
            }
        });
    }

    /** A range filter on one of the figure columns (named here, never from a request); no figure is in no range. */
    private static void range(StringBuilder sql, List<Object> args, String column, SubmissionQuery.Range r) {
        if (r == null) return;
        sql.append(" AND ").append(column).append(" IS NOT NULL");
        if (r.min() != null) {
            sql.append(" AND ").append(column).append(r.minIncluded() ? " >= ?" : " > ?");
            args.add(r.min());
        }
        if (r.max() != null) {
            sql.append(" AND ").append(column).append(r.maxIncluded() ? " <= ?" : " < ?");
            args.add(r.max());
        }
    }

    @Override
    public List<Submission> projectHistory(String project, String region) {
        if (project == null || project.isBlank()) return List.of();
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submission"
                    + " WHERE outcome = ? AND project = ? AND (region = ? OR (region IS NULL AND ? IS NULL))"
                    + " ORDER BY report_year ASC, submitted_at ASC, id ASC")) {
                s.setString(1, SubmissionOutcome.CHECKED.name());
                s.setString(2, clip(project, 512));
                s.setString(3, region);
                s.setString(4, region);
                return all(s);
            }
        });
    }

    @Override
    public List<Submission> checkedInSubmissionOrder() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS
                    + " FROM submission WHERE outcome = ? ORDER BY submitted_at ASC, id ASC")) {
                s.setString(1, SubmissionOutcome.CHECKED.name());
                return all(s);
            }
        });
    }

    @Override
    public List<Submission> checkedAfter(long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS
                    + " FROM submission WHERE outcome = ? AND id > ? ORDER BY id ASC LIMIT ?")) {
                s.setString(1, SubmissionOutcome.CHECKED.name());
                s.setLong(2, afterId);
                s.setInt(3, limit);
                return all(s);
            }
        });
    }

    @Override
    public Submission review(long id, ReviewStatus next, String opinion, UserAccount by) {
        if (!by.role().mayReview()) {
            throw new StoreRefusal("用户 " + by.name() + "（" + by.role().chinese() + "）无权审核报告，需要审核或管理角色");
        }
        String words = opinion == null ? "" : opinion.strip();
        if (next == ReviewStatus.RETURNED && words.isEmpty()) {
            throw new StoreRefusal("退回报告须写明退回意见");
        }
        return inTransaction(c -> {
            Submission s = find(c, id).orElseThrow(() -> new StoreRefusal("没有第 " + id + " 号提交"));
            if (s.outcome() != SubmissionOutcome.CHECKED) {
                throw new StoreRefusal("第 " + id + " 号提交（" + s.fileName() + "）" + s.outcome().chinese() + "，没有可审核的报告");
            }
            if (!s.status().mayMoveTo(next)) {
                throw new StoreRefusal("报告当前为" + s.status().chinese() + "，不能改为" + next.chinese()
                        + (s.status() == next ? "" : "（须先改回待审）"));
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE submission SET status = ? WHERE id = ?")) {
                u.setString(1, next.name());
                u.setLong(2, id);
                u.executeUpdate();
            }
            appendAudit(c, id, by.name(), next.chinese(), clip(words, MAX_TEXT), Instant.now());
            return find(c, id).orElseThrow();
        }, null);
    }

    @Override
    public void decideFinding(long id, String findingKey, FindingDecision decision, String reason, UserAccount by) {
        if (!by.role().mayReview()) {
            throw new StoreRefusal("用户 " + by.name() + "（" + by.role().chinese() + "）无权审核报告，需要审核或管理角色");
        }
        String words = reason == null ? "" : reason.strip();
        if (decision == FindingDecision.DISMISSED && words.isEmpty()) {
            throw new StoreRefusal("忽略一个问题须写明理由");
        }
        inTransaction(c -> {
            Submission s = find(c, id).orElseThrow(() -> new StoreRefusal("没有第 " + id + " 号提交"));
            if (s.outcome() != SubmissionOutcome.CHECKED) {
                throw new StoreRefusal("第 " + id + " 号提交没有可审核的报告");
            }
            Instant now = Instant.now();
            try (PreparedStatement d = c.prepareStatement("DELETE FROM finding_decision WHERE submission_id = ? AND finding_key = ?")) {
                d.setLong(1, id);
                d.setString(2, findingKey);
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO finding_decision (submission_id, finding_key, decision,"
                    + " reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                i.setLong(1, id);
                i.setString(2, clip(findingKey, 512));
                i.setString(3, decision.name());
                i.setString(4, clip(words, MAX_TEXT));
                i.setString(5, by.name());
                i.setTimestamp(6, Timestamp.from(now));
                i.executeUpdate();
            }
            appendAudit(c, id, by.name(), decision.chinese() + "问题", clip(findingKey + (words.isEmpty() ? "" : "：" + words), MAX_TEXT), now);
            return null;
        }, null);
    }

    @Override
    public Map<String, FindingDecisionRecord> findingDecisions(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT finding_key, decision, reason, decided_by, decided_at"
                    + " FROM finding_decision WHERE submission_id = ? ORDER BY finding_key")) {
                s.setLong(1, id);
                Map<String, FindingDecisionRecord> out = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), new FindingDecisionRecord(FindingDecision.valueOf(r.getString(2)),
                                r.getString(3), r.getString(4), r.getTimestamp(5).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<AuditEvent> audit(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, submission_id, actor, action, detail, at"
                    + " FROM audit_event WHERE submission_id = ? ORDER BY id")) {
                s.setLong(1, id);
                List<AuditEvent> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long sub = r.getLong(2);
                        out.add(new AuditEvent(r.getLong(1), r.wasNull() ? null : sub, r.getString(3), r.getString(4),
                                r.getString(5), r.getTimestamp(6).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public UserAccount addUser(String name, Role role, char[] password, String by) {
        String user = name == null ? "" : name.strip();
        if (user.isEmpty() || user.length() > MAX_NAME || !user.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.')) {
            java.util.Arrays.fill(password, '\0');
            throw new StoreRefusal("用户名只能由文字、数字、下划线、连字符和点组成（1 到 " + MAX_NAME + " 个字符）：" + name);
        }
        if (password.length < PasswordHashing.MIN_LENGTH) {
            java.util.Arrays.fill(password, '\0');
            throw new StoreRefusal("密码至少 " + PasswordHashing.MIN_LENGTH + " 个字符");
        }
        String hash = passwords.hash(password);
        Instant now = Instant.now();
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, user);
                s.setString(2, role.name());
                s.setString(3, hash);
                s.setTimestamp(4, Timestamp.from(now));
                s.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) throw new StoreRefusal("用户 " + user + " 已存在");
                throw e;
            }
            appendAudit(c, null, by, "添加用户", user + "（" + role.chinese() + "）", now);
            return new UserAccount(user, role, now);
        }, null);
    }

    /** A user as stored: the account and its password hash, which never leaves this class. */
    private record StoredUser(UserAccount account, String hash) {
    }

    @Override
    public Optional<UserAccount> authenticate(String name, char[] password) {
        Optional<StoredUser> user = read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, role, password_hash, created_at FROM app_user WHERE name = ?")) {
                s.setString(1, name == null ? "" : name.strip());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    return Optional.of(new StoredUser(new UserAccount(r.getString(1), Role.valueOf(r.getString(2)),
                            r.getTimestamp(4).toInstant()), r.getString(3)));
                }
            }
        });
        if (user.isEmpty()) {
            java.util.Arrays.fill(password, '\0');
            return Optional.empty();
        }
        return passwords.matches(password, user.get().hash()) ? Optional.of(user.get().account()) : Optional.empty();
    }

    @Override
    public List<UserAccount> users() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, role, created_at FROM app_user ORDER BY name")) {
                List<UserAccount> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(new UserAccount(r.getString(1), Role.valueOf(r.getString(2)), r.getTimestamp(3).toInstant()));
                }
                return out;
            }
        });
    }

    @Override
    public void close() {
        if (!once) data.close();
    }

    // --- plumbing ---

    private static void appendAudit(Connection c, Long submission, String actor, String action, String detail, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (submission_id, actor, action, detail, at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            if (submission == null) s.setNull(1, Types.BIGINT); else s.setLong(1, submission);
            s.setString(2, clip(actor, MAX_NAME));
            s.setString(3, action);
            s.setString(4, detail == null ? "" : clip(detail, MAX_TEXT));
            s.setTimestamp(5, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static Optional<Submission> first(PreparedStatement s) throws SQLException {
        List<Submission> all = all(s);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Submission> all(PreparedStatement s) throws SQLException {
        List<Submission> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String kind = r.getString(8);
                int year = r.getInt(9);
                Integer y = r.wasNull() ? null : year;
                String codes = r.getString(18);
                long pred = r.getLong(20);
                Long p = r.wasNull() ? null : pred;
                out.add(new Submission(r.getLong(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(),
                        r.getString(5), SubmissionOutcome.valueOf(r.getString(6)), r.getString(7),
                        kind == null ? null : ReportKind.valueOf(kind), y, r.getString(10), r.getString(11),
                        r.getString(12), r.getInt(13), r.getInt(14), r.getBoolean(15), plain(r.getBigDecimal(16)),
                        plain(r.getBigDecimal(17)), codes.isEmpty() ? List.of() : List.of(codes.split(" ")),
                        ReviewStatus.valueOf(r.getString(19)), p));
            }
        }
        return out;
    }

    /** The figure without the column's trailing zeros (98.3600 → 98.36), as the report printed it. */
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) return null;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void setInteger(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) s.setNull(i, Types.INTEGER); else s.setInt(i, v);
    }

    private static int count(Report r, Severity severity) {
        return (int) r.findings().stream().filter(f -> f.severity() == severity).count();
    }

    private static String department(Report r) {
        return r.project().department() != null ? r.project().department() : r.project().implementingUnit();
    }

    private static String clip(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Thrown inside a transaction when a concurrent writer recorded the same bytes first. */
    private static final class ConcurrentCopy extends RuntimeException {
        ConcurrentCopy() {
            super(null, null, false, false);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = data.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreUnavailableException("读写数据库时出错（" + firstLine(e) + "）", e);
        }
    }

    private <T> T inTransaction(Work<T> work, java.util.function.Supplier<T> onConcurrentCopy) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (ConcurrentCopy e) {
                c.rollback();
                if (onConcurrentCopy == null) throw new IllegalStateException(e);
                return onConcurrentCopy.get();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("读写数据库时出错（" + firstLine(e) + "）", e);
        }
    }
}

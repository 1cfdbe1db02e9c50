package org.jixiao.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.AuditEvent;
import org.jixiao.model.FindingDecision;
import org.jixiao.model.Report;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.Role;
import org.jixiao.model.Submission;
import org.jixiao.model.SubmissionOutcome;
import org.jixiao.model.UserAccount;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every store of record keeps, run against each engine by a subclass that says
 * how to open a fresh, empty store. The reports are real corpus reports read by the real pipeline.
 */
abstract class StoreContract {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());
    private static final Map<String, Report> READ = new ConcurrentHashMap<>();
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    protected StoreOfRecord store;

    /** A new store on an empty database. */
    protected abstract StoreOfRecord openEmpty() throws Exception;

    /** The same database opened again (after close), as a restarted service would. */
    protected abstract StoreOfRecord reopen() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    static Report corpus(String file) {
        return READ.computeIfAbsent(file, f -> PIPELINE.process(Path.of("corpus", f)));
    }

    private Submission check(String file, Instant at) {
        Report r = corpus(file);
        return store.recordChecked(r, ReportJson.write(r), bytes(file), "经办甲", at);
    }

    private static byte[] bytes(String file) {
        try {
            return java.nio.file.Files.readAllBytes(Path.of("corpus", file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String QINGDAO_TXT = "qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt";
    private static final String QINGDAO_PDF = "qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.pdf";
    private static final String ELEVATOR = "hangzhou-xihu-2024-declaration-elevator/hangzhou-xihu-2024-declaration-elevator.txt";

    private UserAccount reviewer() {
        return store.addUser("shenhe", Role.REVIEWER, "审核员的密码123".toCharArray(), StoreOfRecord.SYSTEM);
    }

    @Test
    void aCheckedReportIsKeptWithItsFiguresAndJson() {
        Report r = corpus(QINGDAO_TXT);
        Submission s = check(QINGDAO_TXT, T0);
        assertEquals(SubmissionOutcome.CHECKED, s.outcome());
        assertEquals(ReviewStatus.PENDING, s.status());
        assertEquals(r.source().sha256(), s.sha256());
        assertEquals(r.year(), s.year());
        assertEquals(r.region(), s.region());
        assertEquals(r.project().name(), s.project());
        assertEquals(0, r.totalScore().compareTo(s.totalScore()), "总分 " + r.totalScore() + " / " + s.totalScore());
        assertEquals(r.findings().stream().filter(f -> f.severity() == org.jixiao.model.Severity.ERROR).count(), s.errors());
        assertEquals(T0, s.submittedAt());
        assertEquals(r.findings().stream().map(org.jixiao.model.Finding::code).toList(), s.findingCodes());
        assertEquals(ReportJson.write(r), store.reportJson(s.id()).orElseThrow());
        assertEquals(s, store.find(s.id()).orElseThrow());
        assertEquals(s, store.findChecked(r.source().sha256()).orElseThrow());
        assertArrayEquals(bytes(QINGDAO_TXT), store.original(s.id()).orElseThrow(), "the original is kept byte for byte");
    }

    @Test
    void theSameBytesAgainAreADuplicateNamingTheFirst() {
        Submission first = check(QINGDAO_TXT, T0);
        Submission again = check(QINGDAO_TXT, T0.plusSeconds(60));
        assertEquals(SubmissionOutcome.DUPLICATE, again.outcome());
        assertTrue(again.reason().contains("第 " + first.id() + " 号"), again.reason());
        assertEquals(first, store.findChecked(first.sha256()).orElseThrow(), "the checked one stays the checked one");
        assertEquals(1, store.checkedInSubmissionOrder().size());
    }

    @Test
    void aResubmissionOfTheSameProjectIsLinkedToItsPredecessor() {
        Submission txt = check(QINGDAO_TXT, T0);
        Submission pdf = check(QINGDAO_PDF, T0.plusSeconds(3600));
        Submission other = check(ELEVATOR, T0.plusSeconds(7200));
        assertNotEquals(txt.sha256(), pdf.sha256());
        assertEquals(txt.id(), pdf.predecessorId());
        assertNull(txt.predecessorId());
        assertNull(other.predecessorId(), "another project has no predecessor");
    }

    @Test
    void aProjectsHistorySpansItsYearsAndResubmissions() throws Exception {
        Submission first = check(QINGDAO_TXT, T0);
        Submission resubmitted = check(QINGDAO_PDF, T0.plusSeconds(3600));
        // The same project a year later: its report as the department would file it for the next year.
        Report r = corpus(QINGDAO_TXT);
        com.fasterxml.jackson.databind.node.ObjectNode next = (com.fasterxml.jackson.databind.node.ObjectNode)
                ReportJson.mapper().readTree(ReportJson.write(r));
        next.put("year", r.year() + 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) next.get("source")).put("sha256", "ef".repeat(32));
        Report nextYear = ReportJson.read(next.toString());
        Submission later = store.recordChecked(nextYear, ReportJson.write(nextYear), null, "经办甲", T0.minusSeconds(60));
        check(ELEVATOR, T0.plusSeconds(7200));

        assertEquals(List.of(first.id(), resubmitted.id(), later.id()), ids(store.projectHistory(r.project().name(), r.region())),
                "by year, then in submission order within a year; another project is not in it");
        assertNull(later.predecessorId(), "another year is a new report, not a resubmission");
        assertEquals(List.of(), store.projectHistory(r.project().name(), "另一个地区"));
    }

    @Test
    void aFailedFileIsKeptWithItsReason() {
        Submission f = store.recordFailed("扫描件.pdf", "ab".repeat(32), new byte[] {1, 2, 3}, "PDF 是扫描件或图片，没有文字层", "经办甲", T0);
        assertEquals(SubmissionOutcome.FAILED, f.outcome());
        assertEquals("PDF 是扫描件或图片，没有文字层", f.reason());
        assertEquals(List.of(f), store.list(SubmissionQuery.ALL.withOutcome(SubmissionOutcome.FAILED)));
        assertTrue(store.reportJson(f.id()).isEmpty());
        assertArrayEquals(new byte[] {1, 2, 3}, store.original(f.id()).orElseThrow(), "a failed file stays visible with its bytes");
    }

    @Test
    void aContentTakenFromAQueueIsRecordedOnceHoweverOftenItComes() throws Exception {
        Report r = corpus(QINGDAO_TXT);
        String sha = r.source().sha256();
        assertFalse(store.recorded(sha));
        StoreOfRecord once = store.once();
        Submission first = once.recordChecked(r, ReportJson.write(r), bytes(QINGDAO_TXT), "经办甲", T0);
        assertTrue(store.recorded(sha));
        // Delivered again: whatever the second delivery would record, nothing is written.
        assertThrows(AlreadyRecorded.class, () -> once.recordChecked(r, ReportJson.write(r), bytes(QINGDAO_TXT), "经办甲", T0));
        assertThrows(AlreadyRecorded.class, () -> once.recordDuplicate("副本.txt", sha, "经办甲", T0));
        assertThrows(AlreadyRecorded.class, () -> once.recordFailed("副本.txt", sha, null, "内部错误", "经办甲", T0));
        assertEquals(List.of(first.id()), ids(store.list(SubmissionQuery.ALL)), "one submission, no audit of the refused ones");
        once.close();
        assertTrue(store.find(first.id()).isPresent(), "closing the view leaves the store open");
        // Outside the view the same bytes are a duplicate, as from a folder or an upload.
        assertEquals(SubmissionOutcome.DUPLICATE, check(QINGDAO_TXT, T0.plusSeconds(60)).outcome());

        // Two writers of one new content at the same moment (two workers holding one partition during a
        // rebalance): one records, the other is refused, whichever comes first.
        Report other = corpus(ELEVATOR);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Submission>> both = two.invokeAll(List.of(
                    () -> store.once().recordChecked(other, ReportJson.write(other), bytes(ELEVATOR), "甲", T0),
                    () -> store.once().recordFailed("电梯.txt", other.source().sha256(), null, "内部错误", "乙", T0)));
            int refused = 0;
            for (var f : both) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof AlreadyRecorded, e.getCause().toString());
                    refused++;
                }
            }
            assertEquals(1, refused);
        } finally {
            two.shutdown();
        }
        assertEquals(1, store.list(SubmissionQuery.ALL).stream().filter(s -> s.sha256().equals(other.source().sha256())).count());
    }

    @Test
    void listsFilterAndSortByWhatAReviewerAsks() {
        Submission a = check(QINGDAO_TXT, T0);
        Submission b = check(ELEVATOR, T0.plusSeconds(60));
        Submission failed = store.recordFailed("坏文件.docx", "cd".repeat(32), null, "文件无法解析", "经办甲", T0.plusSeconds(120));
        assertEquals(List.of(failed.id(), b.id(), a.id()), ids(store.list(SubmissionQuery.ALL)));
        assertEquals(List.of(a.id(), b.id(), failed.id()), ids(store.list(SubmissionQuery.ALL.sortedBy(SubmissionQuery.Sort.OLDEST_FIRST))));
        assertEquals(List.of(a.id()), ids(store.list(SubmissionQuery.ALL.withYear(a.year()))));
        assertEquals(List.of(b.id()), ids(store.list(SubmissionQuery.ALL.withRegion(b.region()))));
        store.review(a.id(), ReviewStatus.APPROVED, "", reviewer());
        assertEquals(List.of(b.id()), ids(store.list(SubmissionQuery.ALL.withStatus(ReviewStatus.PENDING))),
                "a failed file is not a report waiting for review");
        assertEquals(List.of(a.id()), ids(store.list(SubmissionQuery.ALL.withStatus(ReviewStatus.APPROVED))));
        assertEquals(List.of(a.id(), b.id()), ids(store.checkedInSubmissionOrder()));
    }

    @Test
    void listsFilterByFigureRangesAndFindingCodes() {
        Submission a = check(QINGDAO_TXT, T0);
        Submission b = check(ELEVATOR, T0.plusSeconds(60));
        store.recordFailed("坏文件.docx", "cd".repeat(32), null, "文件无法解析", "经办甲", T0.plusSeconds(120));
        for (Submission s : List.of(a, b)) {
            for (String code : s.findingCodes()) {
                assertTrue(ids(store.list(SubmissionQuery.ALL.withFindingCode(code))).contains(s.id()), code);
            }
        }
        assertEquals(List.of(), store.list(SubmissionQuery.ALL.withFindingCode("NO_SUCH_CODE")));
        assertNotEquals(null, a.totalScore(), "the corpus report prints a total score");
        java.math.BigDecimal score = a.totalScore();
        SubmissionQuery.Range upToIt = new SubmissionQuery.Range(null, false, score, true);
        SubmissionQuery.Range belowIt = new SubmissionQuery.Range(null, false, score, false);
        SubmissionQuery.Range fromIt = new SubmissionQuery.Range(score, true, null, false);
        SubmissionQuery.Range aboveIt = new SubmissionQuery.Range(score, false, null, false);
        assertTrue(ids(store.list(SubmissionQuery.ALL.withTotalScore(upToIt))).contains(a.id()));
        assertFalse(ids(store.list(SubmissionQuery.ALL.withTotalScore(belowIt))).contains(a.id()));
        assertTrue(ids(store.list(SubmissionQuery.ALL.withTotalScore(fromIt))).contains(a.id()));
        assertFalse(ids(store.list(SubmissionQuery.ALL.withTotalScore(aboveIt))).contains(a.id()));
        SubmissionQuery.Range anyRate = new SubmissionQuery.Range(null, false, null, false);
        List<Long> withRate = ids(store.list(SubmissionQuery.ALL.withExecutionRate(anyRate)));
        assertEquals(java.util.stream.Stream.of(a, b).filter(s -> s.executionRate() != null).map(Submission::id)
                .sorted(java.util.Comparator.reverseOrder()).toList(), withRate, "a range holds only reports with the figure");
    }

    @Test
    void reviewMovesAreCheckedAndAudited() {
        Submission s = check(QINGDAO_TXT, T0);
        UserAccount clerk = store.addUser("jingban", Role.CLERK, "经办员的密码123".toCharArray(), StoreOfRecord.SYSTEM);
        UserAccount reviewer = reviewer();

        StoreRefusal notAllowed = assertThrows(StoreRefusal.class, () -> store.review(s.id(), ReviewStatus.APPROVED, "", clerk));
        assertTrue(notAllowed.getMessage().contains("无权审核"), notAllowed.getMessage());
        StoreRefusal noOpinion = assertThrows(StoreRefusal.class, () -> store.review(s.id(), ReviewStatus.RETURNED, " ", reviewer));
        assertTrue(noOpinion.getMessage().contains("退回意见"), noOpinion.getMessage());

        Submission returned = store.review(s.id(), ReviewStatus.RETURNED, "执行率与执行数不符，请更正后重新提交", reviewer);
        assertEquals(ReviewStatus.RETURNED, returned.status());
        StoreRefusal jump = assertThrows(StoreRefusal.class, () -> store.review(s.id(), ReviewStatus.APPROVED, "", reviewer));
        assertTrue(jump.getMessage().contains("须先改回待审"), jump.getMessage());
        store.review(s.id(), ReviewStatus.PENDING, "误操作", reviewer);
        store.review(s.id(), ReviewStatus.APPROVED, "", reviewer);

        List<AuditEvent> trail = store.audit(s.id());
        assertEquals(List.of("提交", "退回", "待审", "通过"), trail.stream().map(AuditEvent::action).toList());
        assertEquals("执行率与执行数不符，请更正后重新提交", trail.get(1).detail());
        assertEquals("shenhe", trail.get(1).actor());
        assertEquals("经办甲", trail.get(0).actor());
        assertTrue(trail.get(0).id() < trail.get(1).id());
    }

    @Test
    void findingDecisionsNeedAReasonToDismissAndAreAudited() {
        Submission s = check(QINGDAO_TXT, T0);
        UserAccount reviewer = reviewer();
        assertThrows(StoreRefusal.class, () -> store.decideFinding(s.id(), "0:EXECUTION_RATE_MISMATCH", FindingDecision.DISMISSED, "", reviewer));
        store.decideFinding(s.id(), "0:EXECUTION_RATE_MISMATCH", FindingDecision.CONFIRMED, "", reviewer);
        store.decideFinding(s.id(), "1:VAGUE_TARGET", FindingDecision.DISMISSED, "该指标为定性指标，已在说明中量化", reviewer);
        store.decideFinding(s.id(), "0:EXECUTION_RATE_MISMATCH", FindingDecision.DISMISSED, "四舍五入所致", reviewer);

        Map<String, StoreOfRecord.FindingDecisionRecord> now = store.findingDecisions(s.id());
        assertEquals(2, now.size());
        assertEquals(FindingDecision.DISMISSED, now.get("0:EXECUTION_RATE_MISMATCH").decision());
        assertEquals("四舍五入所致", now.get("0:EXECUTION_RATE_MISMATCH").reason());
        assertEquals(4, store.audit(s.id()).size(), "提交 and three decisions: the trail keeps the decision that was replaced");
    }

    @Test
    void passwordsAreHashedAndCheckedWithoutSayingWhichPartWasWrong() throws Exception {
        store.addUser("admin", Role.ADMIN, "正确的管理员密码".toCharArray(), StoreOfRecord.SYSTEM);
        assertEquals(Role.ADMIN, store.authenticate("admin", "正确的管理员密码".toCharArray()).orElseThrow().role());
        assertTrue(store.authenticate("admin", "错误的密码错误的密码".toCharArray()).isEmpty());
        assertTrue(store.authenticate("nobody", "正确的管理员密码".toCharArray()).isEmpty());
        assertThrows(StoreRefusal.class, () -> store.addUser("admin", Role.CLERK, "另一个密码另一个".toCharArray(), StoreOfRecord.SYSTEM));
        assertThrows(StoreRefusal.class, () -> store.addUser("short", Role.CLERK, "1234567".toCharArray(), StoreOfRecord.SYSTEM));
        assertThrows(StoreRefusal.class, () -> store.addUser("../etc", Role.CLERK, "足够长的密码足够长".toCharArray(), StoreOfRecord.SYSTEM));
        assertEquals(List.of("admin"), store.users().stream().map(UserAccount::name).toList());
    }

    @Test
    void everythingIsThereAfterARestart() throws Exception {
        Submission s = check(QINGDAO_TXT, T0);
        store.addUser("admin", Role.ADMIN, "正确的管理员密码".toCharArray(), StoreOfRecord.SYSTEM);
        store.review(s.id(), ReviewStatus.RETURNED, "请补充佐证材料", reviewer());
        store.close();
        store = reopen();
        assertEquals(ReviewStatus.RETURNED, store.find(s.id()).orElseThrow().status());
        assertTrue(store.authenticate("admin", "正确的管理员密码".toCharArray()).isPresent());
        assertFalse(store.audit(s.id()).isEmpty());
        assertEquals(List.of(s.id()), ids(store.checkedInSubmissionOrder()));
    }

    private static List<Long> ids(List<Submission> list) {
        return list.stream().map(Submission::id).toList();
    }
}

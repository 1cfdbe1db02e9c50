package org.jixiao.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jixiao.model.AuditEvent;
import org.jixiao.model.FindingDecision;
import org.jixiao.model.Report;
import org.jixiao.model.ReviewStatus;
import org.jixiao.model.Role;
import org.jixiao.model.Submission;
import org.jixiao.model.UserAccount;

/**
 * The port to the store of record. Every write that a person makes is checked against the
 * person's role here, not only in the page, and leaves a line in the audit trail.
 */
public interface StoreOfRecord extends AutoCloseable {

    /** The actor name the service itself writes under (folder intake, reindex). */
    String SYSTEM = "系统";

    /**
     * Records a checked report. When the same bytes were checked before, records a duplicate
     * pointing at the earlier one instead; the earlier submission of the same project, year,
     * region and kind becomes the new one's predecessor.
     */
    Submission recordChecked(Report report, String reportJson, byte[] original, String submitter, Instant at);

    /** Records a file that could not be read, with the reason the user is shown (and the file, when there are bytes). */
    Submission recordFailed(String fileName, String sha256, byte[] original, String reason, String submitter, Instant at);

    /**
     * Records a copy of content already checked (the intake found it before checking); when the
     * store has no checked submission of it yet, nothing is recorded and empty is returned.
     */
    Optional<Submission> recordDuplicate(String fileName, String sha256, String submitter, Instant at);

    /** Whether any submission of these bytes has been recorded: checked, failed or a duplicate. */
    boolean recorded(String sha256);

    /**
     * This store, recording each content at most once: every ending recorded through it (checked,
     * failed, duplicate) also marks its SHA-256 as taken, in the same transaction, and the mark is
     * unique in the database, so of two writers of the same content one wins and the other gets
     * {@link AlreadyRecorded} with nothing written. For a queue that may deliver a message again.
     * The view shares this store's connections; closing it does nothing.
     */
    StoreOfRecord once();

    /** The submitted file's bytes; empty when they were not kept (a file too large to read at all). */
    Optional<byte[]> original(long id);

    Optional<Submission> find(long id);

    /** The checked submission of these bytes, if any. */
    Optional<Submission> findChecked(String sha256);

    /** The canonical report JSON of a checked submission. */
    Optional<String> reportJson(long id);

    /** Submissions matching the query, in its order. */
    List<Submission> list(SubmissionQuery query);

    /**
     * One project's checked submissions across years and resubmissions (same project name and
     * region), oldest year first, within a year in submission order.
     */
    List<Submission> projectHistory(String project, String region);

    /** Every checked submission, oldest first: the order in which a rebuilt index must add them. */
    List<Submission> checkedInSubmissionOrder();

    /**
     * Checked submissions numbered above {@code afterId}, lowest number first, at most {@code limit}:
     * how a search index kept by another process (the service) follows what is recorded here.
     */
    List<Submission> checkedAfter(long afterId, int limit);

    /**
     * Moves a report in review. Returning it needs an opinion (退回意见); only 审核 and 管理 may
     * review; only the moves {@link ReviewStatus#mayMoveTo} allows are made.
     *
     * @throws StoreRefusal with a Chinese reason when the move is not allowed
     */
    Submission review(long id, ReviewStatus next, String opinion, UserAccount by);

    /** The reviewer's word on one finding (the key names it within the report), with a reason when dismissed. */
    void decideFinding(long id, String findingKey, FindingDecision decision, String reason, UserAccount by);

    /** The current decisions on a submission's findings, by finding key. */
    Map<String, FindingDecisionRecord> findingDecisions(long id);

    /** The audit trail of one submission, oldest first. */
    List<AuditEvent> audit(long id);

    /** Adds a local user; the password is hashed here and the array cleared. */
    UserAccount addUser(String name, Role role, char[] password, String by);

    /** The user when the name and password match; empty otherwise (the same for both mistakes). */
    Optional<UserAccount> authenticate(String name, char[] password);

    List<UserAccount> users();

    @Override
    void close();

    /**
     * A decision on a finding as stored.
     *
     * @param decision  确认 or 忽略
     * @param reason    the reviewer's reason; empty when none
     * @param decidedBy the reviewer
     * @param decidedAt when
     */
    record FindingDecisionRecord(FindingDecision decision, String reason, String decidedBy, Instant decidedAt) {
    }
}

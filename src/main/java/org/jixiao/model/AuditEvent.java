package org.jixiao.model;

import java.time.Instant;

/**
 * One line of the append-only audit trail: who did what, to which submission, when.
 *
 * @param id           order of recording
 * @param submissionId the submission acted on; null for actions on users or settings
 * @param actor        the user's name (or {@code 系统} for the service itself)
 * @param action       what was done, in Chinese (提交, 退回, 通过, 确认问题 …)
 * @param detail       the opinion, reason or changed value; empty when none
 * @param at           when
 */
public record AuditEvent(long id, Long submissionId, String actor, String action, String detail, Instant at) {
}

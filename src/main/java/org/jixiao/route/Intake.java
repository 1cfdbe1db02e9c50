package org.jixiao.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.FileEndpoint;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.IntakeHeaders.Outcome;
import org.jixiao.store.AlreadyRecorded;
import org.jixiao.store.StoreOfRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the intake route as plain methods on an exchange: receive a submission, claim its
 * content, check it with the pipeline, store it (and index it), or record it as a duplicate or a
 * failure. The route decides the order; the pipeline stages never see Camel.
 */
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    /** Name of a submission that came without one: this prefix and the start of its SHA-256. */
    static final String UNNAMED_PREFIX = "submission-";
    static final int UNNAMED_DIGITS = 12;

    private final DataFolders folders;
    private final Pipeline pipeline;
    private final ContentRegistry registry;
    private final LiveIndex index;
    private final long maxBytes;
    private final StorageGuard storage;
    private final StoreOfRecord records;
    /** The same store, recording each content once: for deliveries from a queue. */
    private final StoreOfRecord once;

    /**
     * @param records the store of record every ending is recorded in as well (who submitted what, and
     *                how it ended), for the reviewer's pages; null where only folders are kept
     */
    public Intake(DataFolders folders, Pipeline pipeline, ContentRegistry registry, LiveIndex index, long maxBytes,
                  StorageGuard storage, StoreOfRecord records) {
        this.folders = folders;
        this.pipeline = pipeline;
        this.registry = registry;
        this.index = index;
        this.maxBytes = maxBytes;
        this.storage = storage;
        this.records = records;
        this.once = records == null ? null : records.once();
    }

    /** From a queue that delivers again what was not acknowledged ({@link KafkaSource}). */
    static boolean delivered(Exchange exchange) {
        return exchange.getProperty(IntakeHeaders.DELIVERY, Boolean.FALSE, Boolean.class);
    }

    /** The name a submission is recorded under: the uploading user, or the intake itself. */
    public static final String FROM_INTAKE = "收件目录";

    private static String submitter(Message in) {
        String user = in.getHeader(IntakeHeaders.SUBMITTER, String.class);
        return user == null || user.isBlank() ? FROM_INTAKE : user;
    }

    /**
     * Records an ending in the store of record. The folders stay the service's own account of what
     * ended how; a store that cannot be written now (database down) is told at the next start, when
     * {@code done/} is reconciled with it, so the failure is logged and the file's ending stands.
     */
    private void record(String what, Runnable write) {
        if (records == null) return;
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("无法记入数据库（{}），下次启动时补记：{}", what, e.getMessage());
        }
    }

    /** Body to bytes, name and SHA-256 into headers; refuses oversize files before reading them when it can. */
    public void receive(Exchange exchange) {
        Message in = exchange.getMessage();
        // Taken before the intake was suspended, or uploaded meanwhile: left where it came from, unread.
        storage.degraded().ifPresent(reason -> {
            throw new StorageUnavailableException(reason, null);
        });
        boolean fromFolder = exchange.getFromEndpoint() instanceof FileEndpoint;
        exchange.setProperty(IntakeHeaders.KEEP_ORIGINAL, !fromFolder);
        String name = in.getHeader(IntakeHeaders.FILE_NAME, String.class);
        if (name == null) name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) name = in.getHeader(Exchange.FILE_NAME, String.class);
        Long length = in.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (fromFolder && length != null && length > maxBytes) {
            in.setHeader(IntakeHeaders.FILE_NAME, SubmittedName.clean(name));
            throw new OversizeInputException(SubmittedName.clean(name), length, maxBytes);
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes == null) bytes = new byte[0];
        in.setBody(bytes);
        String sha = sha256(bytes);
        in.setHeader(IntakeHeaders.SHA256, sha);
        // Sources without file names (a queue, a topic) get one from the content.
        name = name == null ? UNNAMED_PREFIX + sha.substring(0, UNNAMED_DIGITS) : SubmittedName.clean(name);
        in.setHeader(IntakeHeaders.FILE_NAME, name);
        if (bytes.length > maxBytes) throw new OversizeInputException(name, bytes.length, maxBytes);
        String declared = exchange.getProperty(IntakeHeaders.DECLARED_SHA256, String.class);
        if (declared != null && !declared.equals(sha)) {
            throw new UnreadableInputException(name, "文件内容与发送时声明的 SHA-256（" + declared
                    + "）不符，可能在传输中损坏或被改动，请重新提交");
        }
        // Refused before the duplicate check: all empty submissions share one digest, and one
        // arriving while another is being refused must not be recorded as its duplicate.
        if (bytes.length == 0) throw new org.jixiao.ingest.UnreadableInputException(name, "文件为空（0 字节）");
    }

    /**
     * Decides new, resumed or duplicate, and the stored name. A delivery whose content the store of
     * record already has (delivered again after a worker died before acknowledging it) is only acknowledged.
     */
    public void claim(Exchange exchange) {
        Message in = exchange.getMessage();
        if (delivered(exchange) && recordedBefore(in.getHeader(IntakeHeaders.SHA256, String.class))) {
            in.setHeader(IntakeHeaders.OUTCOME, Outcome.ALREADY_RECORDED.name());
            return;
        }
        Claim claim = registry.claim(in.getHeader(IntakeHeaders.SHA256, String.class),
                in.getHeader(IntakeHeaders.FILE_NAME, String.class));
        exchange.setProperty(IntakeHeaders.CLAIM, claim);
        in.setHeader(IntakeHeaders.STORED_NAME, claim.storedName());
        in.setHeader(IntakeHeaders.STORED_PATH, DataFolders.inside(folders.done(), claim.storedName()).toString());
    }

    private boolean recordedBefore(String sha) {
        try {
            return records.recorded(sha);
        } catch (RuntimeException e) {
            throw storeDown(e);
        }
    }

    /** A delivery the store of record already has. */
    public static boolean isAlreadyRecorded(Exchange exchange) {
        return Outcome.ALREADY_RECORDED.name().equals(exchange.getMessage().getHeader(IntakeHeaders.OUTCOME, String.class));
    }

    /** Acknowledges a delivery the store of record already has: nothing is checked or written. */
    public void skip(Exchange exchange) {
        Message in = exchange.getMessage();
        LOG.info("跳过 {}：内容（SHA-256 {}）已记录，不重复处理", in.getHeader(IntakeHeaders.FILE_NAME), in.getHeader(IntakeHeaders.SHA256));
    }

    /**
     * A delivery's ending goes into the store of record before anything of it is written to this
     * worker's folders (the store is what all workers share; the folders are this worker's copy), and
     * at most once per content. False when the store already had the content: the claim is given up
     * and the exchange ends as {@link Outcome#ALREADY_RECORDED}. A store that cannot be written fails
     * the exchange, so the queue delivers the submission again.
     */
    private boolean recordOnce(Exchange exchange, Runnable write) {
        try {
            write.run();
            return true;
        } catch (AlreadyRecorded e) {
            giveUpClaim(exchange);
            exchange.getMessage().setHeader(IntakeHeaders.OUTCOME, Outcome.ALREADY_RECORDED.name());
            skip(exchange);
            return false;
        } catch (RuntimeException e) {
            giveUpClaim(exchange);
            throw storeDown(e);
        }
    }

    private static StorageUnavailableException storeDown(RuntimeException e) {
        return new StorageUnavailableException("无法读写数据库（" + e.getMessage() + "），消息留在队列中，稍后重新处理", e);
    }

    public static boolean isDuplicate(Exchange exchange) {
        Claim claim = exchange.getProperty(IntakeHeaders.CLAIM, Claim.class);
        return claim != null && claim.kind() == Claim.Kind.DUPLICATE;
    }

    /** Runs the pipeline; an unreadable file throws {@link UnreadableInputException}. */
    public void check(Exchange exchange) {
        Message in = exchange.getMessage();
        Report report = pipeline.process(in.getHeader(IntakeHeaders.FILE_NAME, String.class), in.getBody(byte[].class));
        exchange.setProperty(IntakeHeaders.REPORT, report);
    }

    /**
     * Writes the report JSON (and the original, when the route keeps it) to done/ and adds it to the
     * index. The JSON goes first: once it exists the content counts as checked, and a file still in
     * the inbox then is resumed under the same name after a restart. A delivery from a queue is
     * recorded in the store of record before all that ({@link #recordOnce}).
     */
    public void store(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        Report report = exchange.getProperty(IntakeHeaders.REPORT, Report.class);
        String storedName = in.getHeader(IntakeHeaders.STORED_NAME, String.class);
        boolean keep = exchange.getProperty(IntakeHeaders.KEEP_ORIGINAL, Boolean.class);
        Path original = DataFolders.inside(folders.done(), storedName);
        Path json = DataFolders.inside(folders.done(), storedName + DataFolders.REPORT_SUFFIX);
        String reportJson = ReportJson.write(report);
        byte[] bytes = in.getBody(byte[].class);
        boolean delivered = delivered(exchange);
        if (delivered && !recordOnce(exchange, () -> once.recordChecked(report, reportJson, bytes, submitter(in), Instant.now()))) {
            return;
        }
        try {
            if (keep) folders.writeAtomically(original, in.getBody(byte[].class));
            folders.writeAtomically(json, reportJson);
        } catch (UncheckedIOException e) {
            if (keep) Files.deleteIfExists(original);
            throw leftInPlaceIfNoSpace(exchange, e.getCause());
        }
        try {
            index.add(report);
        } catch (IOException | RuntimeException e) {
            if (!index.needsRepair() && storage.fault(e).isEmpty()) {
                // Not the disk: the report is not recorded either (one place per file), the error handler says why.
                Files.deleteIfExists(json);
                if (keep) Files.deleteIfExists(original);
                throw e;
            }
            // The disk: done/ (the record) has the report; the index gets it back when it is repaired.
            LOG.warn("{} 已检查并保存，但暂未写入索引（{}），恢复后补建", storedName, e.toString());
        }
        registry.checked(storedName, report);
        if (!delivered) record(storedName, () -> records.recordChecked(report, reportJson, bytes, submitter(in), Instant.now()));
        registry.release(storedName);
        in.setHeader(IntakeHeaders.OUTCOME, Outcome.CHECKED.name());
        LOG.info("已检查 {}：{} 个问题", storedName, report.findings().size());
    }

    /** Stores a resubmission beside a note naming the first submission; it is not checked again. */
    public void recordDuplicate(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        Claim claim = exchange.getProperty(IntakeHeaders.CLAIM, Claim.class);
        boolean keep = exchange.getProperty(IntakeHeaders.KEEP_ORIGINAL, Boolean.class);
        Path original = DataFolders.inside(folders.done(), claim.storedName());
        boolean delivered = delivered(exchange);
        if (delivered && !recordOnce(exchange, () -> once.recordDuplicate(in.getHeader(IntakeHeaders.FILE_NAME, String.class),
                in.getHeader(IntakeHeaders.SHA256, String.class), submitter(in), Instant.now()))) {
            return;
        }
        try {
            if (keep) folders.writeAtomically(original, in.getBody(byte[].class));
            folders.writeAtomically(DataFolders.inside(folders.done(), claim.storedName() + DataFolders.DUPLICATE_SUFFIX),
                    "文件“" + in.getHeader(IntakeHeaders.FILE_NAME) + "”与已提交的“" + claim.duplicateOf()
                            + "”内容完全相同（SHA-256 " + in.getHeader(IntakeHeaders.SHA256) + "），未重复检查。\n");
        } catch (UncheckedIOException e) {
            if (keep) Files.deleteIfExists(original);
            throw leftInPlaceIfNoSpace(exchange, e.getCause());
        }
        if (!delivered) record(claim.storedName(), () -> records.recordDuplicate(in.getHeader(IntakeHeaders.FILE_NAME, String.class),
                in.getHeader(IntakeHeaders.SHA256, String.class), submitter(in), Instant.now()));
        registry.release(claim.storedName());
        in.setHeader(IntakeHeaders.OUTCOME, Outcome.DUPLICATE.name());
        in.setHeader(IntakeHeaders.DUPLICATE_OF, claim.duplicateOf());
    }

    /**
     * The error handler's step: moves the submission to failed/ with {@code <name>.error.txt} saying
     * why in Chinese. Runs after retries are used up (I/O) or at once (unreadable input, bugs).
     */
    public void recordFailure(Exchange exchange) {
        Message in = exchange.getMessage();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String fileName = in.getHeader(IntakeHeaders.FILE_NAME, String.class);
        if (fileName == null) fileName = SubmittedName.clean(in.getHeader(Exchange.FILE_NAME_ONLY, String.class));
        String sha = in.getHeader(IntakeHeaders.SHA256, String.class);
        giveUpClaim(exchange);
        String storedName = registry.reserveName(fileName);
        Outcome outcome;
        String reason;
        if (cause instanceof OversizeInputException e) {
            outcome = Outcome.TOO_LARGE;
            reason = e.reason();
        } else if (cause instanceof UnreadableInputException e) {
            outcome = Outcome.UNREADABLE;
            reason = e.reason();
        } else if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            outcome = Outcome.ERROR;
            // This handler runs for I/O errors only once the retries of the route configuration are used up.
            // What the file system said is for the log (below), not for the reason the submitter reads.
            reason = "读写文件时出错，重试 " + IntakeRoutes.IO_RETRIES + " 次后仍未成功，请稍后重新提交或联系管理员";
            LOG.warn("{} 读写失败", fileName, cause);
        } else {
            outcome = Outcome.ERROR;
            reason = "检查时发生内部错误（" + cause + "），请将此文件转交系统管理员";
        }
        Path target = DataFolders.inside(folders.failed(), storedName);
        Object body = in.getBody();
        boolean delivered = delivered(exchange);
        String failedName = fileName;
        String failedReason = reason;
        byte[] failedBytes = body instanceof byte[] b ? b : null;
        if (delivered) {
            boolean fresh;
            try {
                fresh = recordOnce(exchange, () -> once.recordFailed(failedName, sha == null ? "" : sha, failedBytes,
                        failedReason, submitter(in), Instant.now()));
            } catch (RuntimeException e) {
                registry.release(storedName);
                throw e;
            }
            if (!fresh) {
                registry.release(storedName);
                return;
            }
        }
        boolean keep = exchange.getProperty(IntakeHeaders.KEEP_ORIGINAL, Boolean.FALSE, Boolean.class) && body instanceof byte[];
        try {
            if (keep) folders.writeAtomically(target, (byte[]) body);
            folders.writeAtomically(DataFolders.inside(folders.failed(), storedName + DataFolders.ERROR_SUFFIX),
                    "无法检查“" + fileName + "”：" + reason + "\n");
        } catch (UncheckedIOException e) {
            // The reason cannot be written: the file must not end in failed/ without it.
            try {
                if (keep) Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // nothing more can be undone; the original is still where it came from
            }
            registry.release(storedName);
            throw storage.fault(e.getCause()).orElseThrow(() -> e);
        }
        if (!delivered) record(storedName, () -> records.recordFailed(failedName, sha == null ? "" : sha, failedBytes, failedReason,
                submitter(in), Instant.now()));
        registry.release(storedName);
        in.setHeader(IntakeHeaders.STORED_NAME, storedName);
        in.setHeader(IntakeHeaders.STORED_PATH, target.toString());
        in.setHeader(IntakeHeaders.OUTCOME, outcome.name());
        in.setHeader(IntakeHeaders.FAILURE, reason);
        LOG.warn("无法检查 {}：{}", fileName, reason);
    }

    /**
     * A write into done/ failed. When the disk is full the submission is not at fault: its claim is
     * given up and it is left where it came from (the exchange fails, the inbox file stays), and the
     * service degrades. Otherwise the I/O error is returned for the route's retries.
     */
    private RuntimeException leftInPlaceIfNoSpace(Exchange exchange, IOException failure) {
        var fault = storage.fault(failure);
        if (fault.isEmpty()) return new UncheckedIOException(failure);
        giveUpClaim(exchange);
        return fault.get();
    }

    /** The submission's content and stored name are no longer held by it (once: the claim is removed from the exchange). */
    private void giveUpClaim(Exchange exchange) {
        Claim claim = exchange.getProperty(IntakeHeaders.CLAIM, Claim.class);
        if (claim == null) return;
        exchange.removeProperty(IntakeHeaders.CLAIM);
        String sha = exchange.getMessage().getHeader(IntakeHeaders.SHA256, String.class);
        if (claim.kind() != Claim.Kind.DUPLICATE && sha != null) registry.abandoned(sha);
        registry.release(claim.storedName());
    }

    static String sha256(byte[] bytes) {
        return org.jixiao.ingest.FileIngestor.sha256(bytes);
    }
}

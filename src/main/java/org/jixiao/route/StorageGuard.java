package org.jixiao.route;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the disks the service writes to (done/, failed/, the index, tmp/) and decides whether it
 * may take work. Below {@link #minFreeBytes} free on any of them, or after a write that failed for
 * want of space (including a failed index commit), the service is <em>degraded</em>: health says so
 * with the reason, the intake stops taking files (they stay in the inbox untouched), uploads are
 * refused with 503. Every {@link #CHECK_INTERVAL} the disks are looked at again; once all have room
 * and the resume step (re-opening the index writer, re-adding what its failed commit lost, resuming
 * the intake) succeeds, the service runs again by itself, without a restart.
 *
 * <p>Space is looked at before any work rather than only when a write fails, because a write that
 * fails half-way costs more than the work it stops: a Lucene writer whose flush runs out of space
 * closes for good ("tragic"), and a file whose failure note cannot be written has no reason recorded.
 */
public final class StorageGuard implements AutoCloseable {

    /** How often the disks are looked at: a degraded service resumes within about this long of space returning. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /**
     * Room kept beyond the largest submission: its report JSON, the index's next flushed segment and
     * a merge of small segments are a few MB for the reports of one bureau.
     */
    static final long HEADROOM_BYTES = 8L * 1024 * 1024;
    /**
     * An upload is on disk twice before it is done (the request body in tmp/, the original in done/),
     * and an inbox file is as large as an upload may be.
     */
    static final int SUBMISSION_COPIES = 2;
    /** The strerror texts of the two ways a write finds no room (ENOSPC, EDQUOT). */
    private static final String[] NO_SPACE = {"no space left on device", "disk quota exceeded"};
    private static final long MB = 1024L * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StorageGuard.class);

    /** What to do when the service stops or resumes taking work; runs on the guard's own thread. */
    public interface Transition {
        void run() throws Exception;
    }

    private final Map<String, Path> watched = new LinkedHashMap<>();
    private final long minFreeBytes;
    private final ScheduledExecutorService checker;
    private volatile String reason;
    private Transition onDegraded = () -> { };
    private Transition onResume = () -> { };

    /**
     * @param folders        the data folders; every one the service writes to is watched
     * @param maxUploadBytes the largest submission accepted: the free space needed is derived from it
     */
    public StorageGuard(DataFolders folders, long maxUploadBytes) {
        this(folders, maxUploadBytes, true);
    }

    /**
     * @param indexOnDisk whether the search index is in {@code folders.index()} (the embedded one);
     *                    a cluster's index is not on this machine's disks
     */
    public StorageGuard(DataFolders folders, long maxUploadBytes, boolean indexOnDisk) {
        watched.put("已检查目录", folders.done());
        watched.put("失败目录", folders.failed());
        if (indexOnDisk) watched.put("索引目录", folders.index());
        watched.put("临时目录", folders.scratch());
        this.minFreeBytes = minFreeBytes(maxUploadBytes);
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-storage-guard");
            t.setDaemon(true);
            return t;
        });
    }

    /** Free space a disk must have for the service to take work. */
    public static long minFreeBytes(long maxUploadBytes) {
        return SUBMISSION_COPIES * maxUploadBytes + HEADROOM_BYTES;
    }

    /**
     * Sets what suspends and resumes the intake (and repairs the index) and starts looking at the
     * disks; a first look is taken at once.
     */
    public void start(Transition whenDegraded, Transition whenResuming) {
        this.onDegraded = whenDegraded;
        this.onResume = whenResuming;
        long ms = CHECK_INTERVAL.toMillis();
        checker.scheduleWithFixedDelay(this::checkQuietly, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** Why the service takes no work now (in Chinese), or empty while it runs normally. */
    public Optional<String> degraded() {
        return Optional.ofNullable(reason);
    }

    /**
     * The reason to refuse work now, looking at the disks first: an upload arriving between two
     * looks is refused before its body is stored.
     */
    public Optional<String> refusal() {
        if (reason == null) {
            String low = lowSpace();
            if (low != null) degrade(low);
        }
        return degraded();
    }

    /**
     * Decides whether a failed write is the storage's fault (no space, or the disk below the minimum
     * right after it): then the service degrades and the exception to throw says so, so the file is
     * left where it came from instead of being recorded as failed. Otherwise returns empty.
     */
    public Optional<StorageUnavailableException> fault(Throwable failure) {
        String low = lowSpace();
        if (low == null && !noSpace(failure)) return Optional.empty();
        String why = low != null ? low : "数据目录所在磁盘空间不足，写入失败";
        degrade(why);
        return Optional.of(new StorageUnavailableException(why, failure));
    }

    /** Whether a failure (or one of its causes) is the file system saying it has no room. */
    public static boolean noSpace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
            if (text == null) continue;
            String lower = text.toLowerCase(Locale.ROOT);
            for (String s : NO_SPACE) if (lower.contains(s)) return true;
        }
        return false;
    }

    /** The service cannot write for another reason (the index could not be committed): degraded until a resume succeeds. */
    public void degrade(String why) {
        synchronized (this) {
            if (reason != null) return;
            reason = why;
        }
        checker.execute(this::checkQuietly); // suspends the intake (and says so) on the guard's thread
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("检查磁盘空间时出错：{}", e.toString());
        }
    }

    private boolean suspended;

    /** One look at the disks: degrade (stopping the intake), or resume once there is room again. Runs on the guard's thread only. */
    private void check() {
        String low = lowSpace();
        if (low != null) {
            synchronized (this) {
                if (reason == null) reason = low;
            }
        }
        if (reason != null && !suspended) {
            LOG.warn("服务暂停接收报告：{}", reason);
            try {
                onDegraded.run();
                suspended = true;
            } catch (Exception e) {
                LOG.warn("暂停收件失败，稍后重试：{}", e.toString());
            }
            return;
        }
        if (reason == null || low != null) return;
        try {
            onResume.run();
        } catch (Exception e) {
            // Still cannot write (another process filling the disk, an index that will not open): stay degraded.
            LOG.warn("磁盘空间已恢复，但恢复服务失败，稍后重试：{}", e.toString());
            return;
        }
        suspended = false;
        reason = null;
        LOG.warn("磁盘空间已恢复，服务继续接收报告");
    }

    /** The reason in Chinese when a watched disk has less than the minimum free; null when all have room. */
    String lowSpace() {
        for (Map.Entry<String, Path> e : watched.entrySet()) {
            long free;
            try {
                FileStore store = Files.getFileStore(existing(e.getValue()));
                free = store.getUsableSpace();
            } catch (IOException ex) {
                continue; // a folder that is gone fails its writes, and those say why
            }
            if (free < minFreeBytes) {
                return "磁盘空间不足：" + e.getKey() + " " + e.getValue() + " 所在磁盘仅剩 " + megabytes(free)
                        + " MB，至少需要 " + megabytes(minFreeBytes) + " MB；已暂停接收报告（收件目录中的文件原样保留，上传请稍后重试），"
                        + "腾出空间后自动恢复";
            }
        }
        return null;
    }

    /** The folder, or its nearest existing parent (a folder not yet created is on its parent's disk). */
    private static Path existing(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q)) q = q.getParent();
        return q == null ? p : q;
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(MB), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}

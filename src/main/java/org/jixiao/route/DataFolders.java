package org.jixiao.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The folders the service works in. Every path the service writes is built here from a folder and a
 * name that has passed {@link SubmittedName}, and checked to stay inside that folder.
 *
 * @param inbox   where departments drop reports
 * @param done    checked reports: the original and {@code <name>.json}, or a duplicate's note
 * @param failed  files that could not be checked, with {@code <name>.error.txt}
 * @param index   the search index
 * @param scratch half-written files and uploads in transit (same file system as done/, so renames are atomic)
 */
public record DataFolders(Path inbox, Path done, Path failed, Path index, Path scratch) {

    /** Suffix of the report JSON written beside each original in done/. */
    public static final String REPORT_SUFFIX = ".json";
    /** Suffix of the reason written beside each file in failed/. */
    public static final String ERROR_SUFFIX = ".error.txt";
    /** Suffix of the note written beside a resubmitted file in done/. */
    public static final String DUPLICATE_SUFFIX = ".duplicate.txt";

    public DataFolders {
        inbox = inbox.toAbsolutePath().normalize();
        done = done.toAbsolutePath().normalize();
        failed = failed.toAbsolutePath().normalize();
        index = index.toAbsolutePath().normalize();
        scratch = scratch.toAbsolutePath().normalize();
    }

    /** The default layout under one data folder: inbox, done, failed, index, tmp. */
    public static DataFolders under(Path data) {
        return new DataFolders(data.resolve("inbox"), data.resolve("done"), data.resolve("failed"),
                data.resolve("index"), data.resolve("tmp"));
    }

    public DataFolders withInbox(Path newInbox) {
        return new DataFolders(newInbox, done, failed, index, scratch);
    }

    public DataFolders withIndex(Path newIndex) {
        return new DataFolders(inbox, done, failed, newIndex, scratch);
    }

    public void create() throws IOException {
        for (Path p : new Path[] {inbox, done, failed, index, scratch}) Files.createDirectories(p);
    }

    /** The lock file in scratch that {@link #lock()} holds. */
    static final String LOCK_FILE = ".service.lock";

    /** The data folder held by one process; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final java.nio.channels.FileChannel channel;

        private Lock(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                LOG.warn("释放数据目录锁失败：{}", e.toString());
            }
        }
    }

    /**
     * Takes the data folder for this process, as the embedded index's write lock does: a service
     * whose index is a cluster's collection still must not share its inbox, done/ and scratch with
     * another. The lock is the operating system's, so a killed process leaves none behind.
     *
     * @throws IOException with a Chinese message when another process holds the folder
     */
    public Lock lock() throws IOException {
        Files.createDirectories(scratch);
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(scratch.resolve(LOCK_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held;
        try {
            held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (held == null) {
            channel.close();
            throw new IOException("数据目录 " + scratch.getParent() + " 正被另一个 jixiao 服务使用；"
                    + "共用一个 SolrCloud 集合的每个工作进程须有自己的 --data 目录");
        }
        return new Lock(channel);
    }

    /** Folder under scratch the HTTP server streams uploaded files into. */
    public static final String UPLOADS = "uploads";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataFolders.class);

    /** Where the HTTP server streams upload bodies to (created if missing). */
    public Path uploads() throws IOException {
        return Files.createDirectories(scratch.resolve(UPLOADS));
    }

    /**
     * Removes what a process killed mid-write left in scratch: {@code .part} files of atomic writes
     * that never got their rename, and upload bodies whose request was never answered. Neither is a
     * submission of record: the original of an interrupted check is still in the inbox (it is taken
     * again), and an upload that got no answer was never accepted (its sender is told nothing was
     * stored and submits again). Call at start only, once this process holds the data folders
     * (the index is locked) and before any route runs, so nothing in flight is touched.
     *
     * @return how many files were removed
     */
    public int cleanScratch() throws IOException {
        int removed = 0;
        if (!Files.isDirectory(scratch)) return 0;
        try (var files = Files.list(scratch)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && name.startsWith(".") && name.endsWith(".part")) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        Path uploads = scratch.resolve(UPLOADS);
        if (Files.isDirectory(uploads, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var files = Files.list(uploads)) {
                for (Path p : files.toList()) {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                        removed++;
                    }
                }
            }
        }
        if (removed > 0) LOG.warn("已清理临时目录 {} 中上次中断时留下的 {} 个不完整文件", scratch, removed);
        return removed;
    }

    /** {@code folder/name}, refusing any name that would leave the folder. */
    public static Path inside(Path folder, String name) {
        Path p = folder.resolve(name).normalize();
        if (!p.getParent().equals(folder)) {
            throw new IllegalArgumentException("path outside " + folder + ": " + name);
        }
        return p;
    }

    /** Writes a file completely or not at all: to scratch first, then an atomic rename. */
    public void writeAtomically(Path target, byte[] content) {
        Path tmp = scratch.resolve("." + UUID.randomUUID() + ".part");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A write cut short (a full disk) leaves no part file behind to hold the space.
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(e);
        }
    }

    public void writeAtomically(Path target, String text) {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }
}

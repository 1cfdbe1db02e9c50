package org.jixiao.route;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system for disk-full tests: a tmpfs of a few MB mounted on a temporary folder
 * (root only: CI runs as root), filled by a filler file and freed again, unmounted at the end. Where
 * it cannot be mounted the test is skipped with the reason.
 */
public final class SmallDisk implements AutoCloseable {

    /** Longest wait for mount and umount. */
    private static final long COMMAND_SECONDS = 30;
    private static final int CHUNK = 64 * 1024;

    private final Path root;
    private final Path filler;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code folder} (created), or skips the test saying why. */
    public static SmallDisk mount(Path folder, int megabytes) throws IOException, InterruptedException {
        assumeTrue("0".equals(output("id", "-u")), "跳过：挂载 tmpfs 需要 root（CI 以 root 运行）");
        Files.createDirectories(folder);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).strip();
        assumeTrue(p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0,
                "跳过：无法挂载 tmpfs（" + said + "）");
        return new SmallDisk(folder);
    }

    public Path root() {
        return root;
    }

    /** Writes the filler until the disk has no byte left (the write fails with ENOSPC). */
    public void fill() throws IOException {
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(chunk);
        } catch (IOException e) {
            if (!StorageGuard.noSpace(e)) throw e;
        }
        // The last chunk may have gone in part: fill the rest byte by byte.
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            if (!StorageGuard.noSpace(e)) throw e;
        }
    }

    /** Shrinks the filler so that about {@code bytes} are free (still far below what the service needs). */
    public void leave(long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            f.setLength(Math.max(0, f.length() - bytes));
        }
    }

    /** Deletes the filler: the space is back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    public long usable() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    @Override
    public void close() throws IOException {
        try {
            Process p = new ProcessBuilder("umount", root.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                // Still busy (a file held open by a thread that has not ended yet): detach it, it goes when free.
                new ProcessBuilder("umount", "-l", root.toString()).redirectErrorStream(true).start().waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("umount " + root + " interrupted", e);
        }
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
        return out;
    }
}

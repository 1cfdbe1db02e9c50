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
            throw new UncheckedIOException(e);
        }
    }

    public void writeAtomically(Path target, String text) {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }
}

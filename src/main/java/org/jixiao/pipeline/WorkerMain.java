package org.jixiao.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.extract.pdf.PdfPages;
import org.jixiao.extract.pdf.ScanProgress;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child side of {@link WorkerPool}: reads requests on stdin, reads each file with an in-process
 * {@link Pipeline} and answers on stdout. Stdout carries only frames — {@code System.out} is pointed
 * at stderr before anything else runs, so a library that prints cannot break the protocol. The
 * child ends by itself when its parent does: at the end of stdin when it is idle, and by watching
 * the parent's process when it is busy with a file.
 */
public final class WorkerMain {

    /** Exit status when the parent is gone: nobody is left to answer. */
    static final int PARENT_GONE_EXIT = 4;

    /** No mapping folder: the built-in mappings. */
    private static final String BUILT_IN = "-";

    private WorkerMain() {
    }

    /** The child's arguments: the parent's pid, the limits (bytes, pages) and the mapping folder. */
    static List<String> arguments(long parentPid, Limits limits, Path mappingsDir) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(parentPid));
        args.add(Long.toString(limits.maxBytes()));
        args.add(Integer.toString(limits.maxPages()));
        args.add(mappingsDir == null ? BUILT_IN : mappingsDir.toAbsolutePath().toString());
        return args;
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream answers = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        // The progress of a long scan goes to the parent on stderr, marked so it is told from the log.
        PrintStream progress = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ScanProgress.listen(line -> progress.println(ScanProgress.MARK + line));
        Logger log = LoggerFactory.getLogger(WorkerMain.class);
        long parentPid = Long.parseLong(args[0]);
        // A parent killed while this child parses a hostile file must not leave it running.
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(PARENT_GONE_EXIT)),
                () -> Runtime.getRuntime().halt(PARENT_GONE_EXIT));
        // The time limit is the parent's (it kills this process); the in-process one is not used.
        Limits limits = new Limits(Long.parseLong(args[1]), Integer.parseInt(args[2]), Duration.ofDays(1));
        Pipeline pipeline = new Pipeline(Mappings.load(args[3].equals(BUILT_IN) ? null : Path.of(args[3])), limits);
        PdfPages pages = new PdfPages(limits.maxPages());
        WorkerProtocol.write(answers, WorkerProtocol.Response.ready());
        try (DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)))) {
            while (true) {
                WorkerProtocol.Request request = (WorkerProtocol.Request) WorkerProtocol.read(requests);
                WorkerProtocol.write(answers, answer(pipeline, pages, request, log));
            }
        } catch (EOFException e) {
            // the parent closed stdin (or exited): nothing more to read
        }
        System.exit(0);
    }

    private static WorkerProtocol.Response answer(Pipeline pipeline, PdfPages pages, WorkerProtocol.Request request,
                                                  Logger log) {
        try {
            return switch (request.task()) {
                case REPORT -> WorkerProtocol.Response.of(pipeline.readGuarded(request.source()));
                case BLOCKS -> WorkerProtocol.Response.of(pipeline.extractGuarded(request.source()));
                case PAGES -> WorkerProtocol.Response.pages(Pipeline.guarded(request.fileName(),
                        () -> pages.count(request.source())));
                case PAGE_IMAGE -> WorkerProtocol.Response.of(Pipeline.guarded(request.fileName(),
                        () -> pages.render(request.source(), request.page())));
                case HIGHLIGHTS -> WorkerProtocol.Response.of(Pipeline.guarded(request.fileName(),
                        () -> pages.find(request.source(), request.query())));
            };
        } catch (UnreadableInputException e) {
            return WorkerProtocol.Response.unreadable(e);
        } catch (RuntimeException | Error e) {
            log.debug("{} 无法解析：{}", request.fileName(), e.toString(), e);
            return WorkerProtocol.Response.unreadable(new UnreadableInputException(request.fileName(), Pipeline.UNPARSEABLE));
        }
    }
}

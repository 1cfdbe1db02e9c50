package org.jixiao.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.Finding;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.model.Report;
import org.jixiao.model.SourceDocument;

/**
 * What parent and child say over the child's stdin and stdout: frames of a 4-byte length and a
 * serialized {@link Request} or {@link Response}.
 *
 * <p>Java serialization rather than JSON: the model is JDK-only records, which serialize as they
 * are, with every field (the canonical JSON leaves some out and would need a reader of its own),
 * and a report comes back exactly as the in-process pipeline makes it. What the parent reads comes
 * from a process that has just parsed a hostile file, so only the model's records, this protocol's
 * and the JDK's plain value classes are accepted (an {@link ObjectInputFilter}), within a depth
 * and a frame size.
 */
final class WorkerProtocol {

    /** Far above any report or extracted document (a 64 MB input makes a few MB of blocks); a frame past it is garbage. */
    static final int MAX_FRAME_BYTES = 512 * 1024 * 1024;

    /** A report is records in lists in records: a dozen levels; the margin is for the JDK's collections. */
    private static final int MAX_DEPTH = 40;

    private static final ObjectInputFilter MODEL_ONLY = ObjectInputFilter.Config.createFilter(
            "maxdepth=" + MAX_DEPTH + ";org.jixiao.model.*;" + WorkerProtocol.class.getName() + "$*"
                    + ";java.lang.*;java.util.*;java.math.*;!*");

    private WorkerProtocol() {
    }

    enum Kind { READY, REPORT, BLOCKS, PAGES, PAGE_IMAGE, HIGHLIGHTS, UNREADABLE }

    /** What a request asks of the file: its report, its blocks, or — for a PDF original shown beside its report — its page count, a page's image, where a figure stands on a page. */
    enum Task { REPORT, BLOCKS, PAGES, PAGE_IMAGE, HIGHLIGHTS }

    /**
     * One file to read: the ingested document (the path as text: a {@link Path} does not serialize),
     * the task, and for the page tasks the page drawn or the figure and label sought.
     */
    record Request(Task task, String path, String fileName, byte[] bytes, String sha256, String mediaType,
                   int page, FigureQuery query) implements Serializable {

        static Request of(SourceDocument s, Task task) {
            return of(s, task, 0, null);
        }

        static Request of(SourceDocument s, Task task, int page, FigureQuery query) {
            return new Request(task, s.path() == null ? null : s.path().toString(), s.fileName(), s.bytes(),
                    s.sha256(), s.mediaType(), page, query);
        }

        SourceDocument source() {
            return new SourceDocument(path == null ? null : Path.of(path), fileName, bytes, sha256, mediaType);
        }
    }

    /**
     * The answer: ready (after start-up), a report, an extracted document's blocks, a page count, a
     * page's image, a page's highlights, or why the file is unreadable.
     */
    record Response(Kind kind, Report report, Integer pages, List<Block> blocks, List<Finding> problems,
                    PageImage image, PageHighlights highlights, String fileName, String reason) implements Serializable {

        static Response ready() {
            return new Response(Kind.READY, null, null, null, null, null, null, null, null);
        }

        static Response of(Report report) {
            return new Response(Kind.REPORT, report, null, null, null, null, null, null, null);
        }

        static Response of(ExtractedDocument doc) {
            return new Response(Kind.BLOCKS, null, doc.pages(), doc.blocks(), doc.problems(), null, null, null, null);
        }

        static Response pages(int pages) {
            return new Response(Kind.PAGES, null, pages, null, null, null, null, null, null);
        }

        static Response of(PageImage image) {
            return new Response(Kind.PAGE_IMAGE, null, image.pages(), null, null, image, null, null, null);
        }

        static Response of(PageHighlights highlights) {
            return new Response(Kind.HIGHLIGHTS, null, highlights.pages(), null, null, null, highlights, null, null);
        }

        static Response unreadable(UnreadableInputException e) {
            return new Response(Kind.UNREADABLE, null, null, null, null, null, null, e.fileName(), e.reason());
        }

        /** The extracted document, with the parent's own source (bytes and path) put back. */
        ExtractedDocument document(SourceDocument source) {
            return new ExtractedDocument(source, pages, blocks, problems);
        }

        UnreadableInputException failure() {
            return new UnreadableInputException(fileName, reason);
        }
    }

    static void write(DataOutputStream out, Serializable message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(message);
        }
        out.writeInt(bytes.size());
        bytes.writeTo(out);
        out.flush();
    }

    /** The next message; {@link java.io.EOFException} when the other side has closed. */
    static Object read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME_BYTES) throw new InvalidObjectException("frame of " + length + " bytes");
        byte[] frame = in.readNBytes(length);
        if (frame.length < length) throw new java.io.EOFException("frame cut at " + frame.length + " of " + length + " bytes");
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            objects.setObjectInputFilter(MODEL_ONLY);
            return objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new InvalidObjectException("unknown class " + e.getMessage());
        }
    }
}

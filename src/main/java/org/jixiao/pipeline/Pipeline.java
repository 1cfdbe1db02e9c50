package org.jixiao.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jixiao.extract.Extractor;
import org.jixiao.extract.office.OfficeExtractor;
import org.jixiao.extract.pdf.PdfExtractor;
import org.jixiao.extract.pdf.PdfPages;
import org.jixiao.extract.text.TextReportExtractor;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.model.Report;
import org.jixiao.model.SourceDocument;
import org.jixiao.normalize.Normalizer;
import org.jixiao.verify.StandardRules;
import org.jixiao.verify.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages in order: ingest → extract → normalize → verify. The only class that knows the
 * order; every interface (CLI, routes, REST) runs reports through {@link #process}.
 *
 * <p>Each file runs under the {@link Limits}: past the timeout, or when a parser fails on a
 * hostile file (a stack overflow on a deeply nested PDF, memory exhausted by a bomb, a bug in a
 * third-party parser), the file is reported unreadable with the reason and the caller goes on.
 *
 * <p>Two modes. {@link #Pipeline(Mappings, Limits) In process}, each file runs on a thread of its
 * own, abandoned at the timeout — but Java cannot stop a thread stuck in a parser, so it keeps
 * burning CPU: fine for tests and for a one-shot command whose process ends with the file.
 * {@link #isolated Isolated}, every file but plain text is read in a child JVM
 * ({@link WorkerPool}) that is killed at the timeout or when it runs out of memory; plain text
 * stays in process, read by our own text reader only (no third-party parser).
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private static final AtomicInteger WORKERS = new AtomicInteger();
    /** Daemon workers: a parser stuck on a hostile file must not keep the JVM alive after the batch. */
    private static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r, "jixiao-file-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    };

    private final Limits limits;
    private final FileIngestor ingest;
    private final Mappings mappings;
    /** The readers; built on first need by an isolated pipeline, whose parent reads only plain text itself. */
    private volatile Stages stages;
    private final ExecutorService workers = Executors.newCachedThreadPool(DAEMONS);
    /** The child processes of an isolated pipeline; null in process. */
    private final WorkerPool pool;

    /** Read in process even by an isolated pipeline: our own text reader, no third-party parser. */
    private static final Set<String> IN_PROCESS_TYPES = Set.of("text/plain", "text/markdown", "text/x-web-markdown");

    static final String NESTED_TOO_DEEP = "文件结构嵌套过深，无法解析";
    /** Neutral about the cause: a text file too large and a bomb in a .docx both end here (the log has the details). */
    static final String OUT_OF_MEMORY = "读取该文件所需内存超出限制（内容过大、解压后过大或结构异常），已跳过";
    static final String UNPARSEABLE = "文件无法解析，可能已损坏或含有不支持的内容";
    static final String INTERRUPTED = "处理被中断";

    public Pipeline(Mappings mappings) {
        this(mappings, Limits.DEFAULT);
    }

    public Pipeline(Mappings mappings, Limits limits) {
        this(mappings, limits, null);
    }

    /**
     * A pipeline that reads every file but plain text in child processes ({@link WorkerPool});
     * {@link #close()} kills them.
     */
    public static Pipeline isolated(Mappings mappings, Limits limits, WorkerSettings workers) {
        return new Pipeline(mappings, limits, new WorkerPool(workers, limits));
    }

    private Pipeline(Mappings mappings, Limits limits, WorkerPool pool) {
        this.limits = limits;
        this.pool = pool;
        this.ingest = new FileIngestor(limits.maxBytes());
        this.mappings = mappings;
        if (pool == null) stages = new Stages(mappings, limits);
    }

    /** Extract, normalize and verify. */
    private record Stages(Stage<SourceDocument, ExtractedDocument> extract, Stage<ExtractedDocument, Report> normalize,
                          Stage<Report, Report> verify) {

        Stages(Mappings mappings, Limits limits) {
            this(extractor(limits), new Normalizer(mappings), new Verifier(StandardRules.create(mappings)));
        }

        private static Extractor extractor(Limits limits) {
            TextReportExtractor text = new TextReportExtractor();
            OfficeExtractor office = new OfficeExtractor();
            return new Extractor(Map.of(
                    "text/plain", text,
                    "text/markdown", text,
                    "text/x-web-markdown", text,
                    "application/pdf", new PdfExtractor(limits.maxPages()),
                    "text/html", office,
                    "application/xhtml+xml", office,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", office,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", office));
        }
    }

    private Stages stages() {
        Stages s = stages;
        if (s == null) {
            synchronized (this) {
                if (stages == null) stages = new Stages(mappings, limits);
                s = stages;
            }
        }
        return s;
    }

    private ExtractedDocument extract(SourceDocument source) {
        return stages().extract().apply(source);
    }

    public Limits limits() {
        return limits;
    }

    /** Reads, normalises and verifies one file; throws {@link UnreadableInputException} when it cannot be read. */
    public Report process(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (pool == null) return boundedValue(name, () -> fromSource(ingest.apply(file)));
        return read(boundedValue(name, () -> ingest.apply(file)));
    }

    /** The same for bytes that arrived without a file of their own (uploads). */
    public Report process(String fileName, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new UnreadableInputException(fileName, "文件过大（" + bytes.length + " 字节），超过上限 " + limits.maxBytes() + " 字节");
        }
        if (pool == null) return boundedValue(fileName, () -> fromSource(ingest.ingest(null, fileName, bytes)));
        return read(boundedValue(fileName, () -> ingest.ingest(null, fileName, bytes)));
    }

    /**
     * Only the ingest and extract stages: the prose and table blocks the normaliser would read,
     * for whoever writes a mapping for a new form variant ({@code extract --blocks}).
     */
    public ExtractedDocument extractOnly(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (pool == null) return boundedValue(name, () -> extract(ingest.apply(file)));
        SourceDocument source = boundedValue(name, () -> ingest.apply(file));
        return inProcess(source) ? boundedValue(name, () -> extract(source)) : pool.blocks(source);
    }

    /**
     * How many pages an original has as a PDF, 0 when it is no PDF (Word, Excel, text: no pages to
     * draw). An isolated pipeline counts in a child process, under the same limits as a reading.
     */
    public int pageCount(String fileName, byte[] bytes) {
        SourceDocument source = pdf(fileName, bytes);
        if (source == null) return 0;
        return pool == null ? boundedValue(fileName, () -> pdfPages().count(source)) : pool.pages(source);
    }

    /** Page {@code page} of a PDF original as a PNG ({@link PdfPages#DPI}); refused for a file that is no PDF. */
    public PageImage renderPage(String fileName, byte[] bytes, int page) {
        SourceDocument source = pdfOnly(fileName, bytes);
        return pool == null ? boundedValue(fileName, () -> pdfPages().render(source, page)) : pool.pageImage(source, page);
    }

    /**
     * Where a finding's figure (as the report gives it) and its row label are printed on a page of
     * a PDF original (page 0: the first page they are found on); refused for a file that is no PDF.
     */
    public PageHighlights highlights(String fileName, byte[] bytes, FigureQuery query) {
        SourceDocument source = pdfOnly(fileName, bytes);
        return pool == null ? boundedValue(fileName, () -> pdfPages().find(source, query)) : pool.highlights(source, query);
    }

    /** The ingested file when it is a PDF, else null. Ingest detects the type from the bytes' signature; it parses nothing. */
    private SourceDocument pdf(String fileName, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new UnreadableInputException(fileName, "文件过大（" + bytes.length + " 字节），超过上限 " + limits.maxBytes() + " 字节");
        }
        SourceDocument source = boundedValue(fileName, () -> ingest.ingest(null, fileName, bytes));
        return PDF.equals(Extractor.baseType(source.mediaType())) ? source : null;
    }

    private SourceDocument pdfOnly(String fileName, byte[] bytes) {
        SourceDocument source = pdf(fileName, bytes);
        if (source == null) throw new UnreadableInputException(fileName, NOT_PAGED);
        return source;
    }

    private PdfPages pdfPages() {
        return new PdfPages(limits.maxPages());
    }

    private static final String PDF = "application/pdf";
    public static final String NOT_PAGED = "原始文件不是 PDF，没有可显示的页面";

    /** Kills the child processes of an isolated pipeline (files being read are reported unreadable). */
    @Override
    public void close() {
        if (pool != null) pool.close();
    }

    /** Process ids of the children alive now; empty in process. */
    List<Long> workerPids() {
        return pool == null ? List.of() : pool.pids();
    }

    /** The reason of a file past the timeout. */
    static String timeoutReason(Limits limits) {
        return "处理超时（超过 " + limits.timeout().toSeconds() + " 秒），已跳过";
    }

    /** A child's work: extract → normalize → verify, failures made reasons, on the calling thread. */
    Report readGuarded(SourceDocument source) {
        return guarded(source.fileName(), () -> fromSource(source));
    }

    /** A child's work for {@code extract --blocks}. */
    ExtractedDocument extractGuarded(SourceDocument source) {
        return guarded(source.fileName(), () -> extract(source));
    }

    private Report read(SourceDocument source) {
        return inProcess(source) ? boundedValue(source.fileName(), () -> fromSource(source)) : pool.report(source);
    }

    private static boolean inProcess(SourceDocument source) {
        return IN_PROCESS_TYPES.contains(Extractor.baseType(source.mediaType()));
    }

    private Report fromSource(SourceDocument source) {
        Stages s = stages();
        return s.verify().apply(s.normalize().apply(s.extract().apply(source)));
    }

    private <T> T boundedValue(String name, Callable<T> work) {
        Future<T> f = workers.submit(() -> guarded(name, work));
        try {
            return f.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new UnreadableInputException(name, timeoutReason(limits), e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableInputException(name, INTERRUPTED, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnreadableInputException u) throw u;
            // The library's words (class names, object ids, its own codes) are for the log, not the reason.
            LOG.debug("{} 无法解析：{}", name, cause.toString(), cause);
            throw new UnreadableInputException(name, UNPARSEABLE, cause);
        }
    }

    /** Runs the work, the failures of a hostile file made reasons (other exceptions pass on). */
    static <T> T guarded(String name, Callable<T> work) {
        try {
            return work.call();
        } catch (StackOverflowError e) {
            throw new UnreadableInputException(name, NESTED_TOO_DEEP, e);
        } catch (OutOfMemoryError e) {
            throw new UnreadableInputException(name, OUT_OF_MEMORY, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableInputException(name, UNPARSEABLE, e);
        }
    }
}

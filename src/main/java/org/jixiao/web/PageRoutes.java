package org.jixiao.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.jixiao.extract.pdf.PdfPages;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.FigureQuery;
import org.jixiao.model.PageHighlights;
import org.jixiao.model.PageImage;
import org.jixiao.model.Submission;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.DataFolders;
import org.jixiao.store.StoreOfRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original beside its report: a PDF's pages as PNG images and where a finding's figure is
 * printed on a page, as rectangles the page lays over the image. The file is untrusted: the
 * pipeline counts, draws and searches its pages in a reading child process under the same time
 * and memory limits as a check (this process never parses it). Drawn pages and page counts are
 * cached under the data folder, in a folder named by the file's SHA-256 as the store keeps it —
 * never by a request value — so a page is drawn once whoever asks.
 *
 * <p>The highlight is JSON, not drawn into the image: one image per page serves every finding on
 * it (and is cached), rectangles scale with the image at any width, and several findings can be
 * shown on one page without drawing it again.
 *
 * <p>Who may see: any logged-in user who may read the submission, as for {@code /original} (the
 * session gate refuses anyone else before this runs).
 */
public final class PageRoutes extends RouteBuilder {

    /** Name of the cache folder beside done/ in the data folder. */
    static final String CACHE_FOLDER = "pages";
    private static final String COUNT_FILE = "pages.txt";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A browser may keep a page's image: a submission's original never changes. */
    private static final String IMAGE_CACHE = "private, max-age=86400";
    static final String NOT_PAGED_NOTE = "原始文件不是 PDF（Word、Excel 或文本文件），不能按页显示；请下载原始文件，按问题“位置”一栏所列的段落、行号查找。";
    static final String SCANNED_NOTE = "此页是扫描图像，没有文字层，无法标出问题数字的位置；请对照“位置”一栏在图中查找。";
    static final String NOT_FOUND_NOTE = "在这一页的文字中没有找到该数字或指标名称；请对照“位置”一栏查找。";
    private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);

    private final StoreOfRecord store;
    private final Pipeline pipeline;
    private final DataFolders folders;
    private final Path cache;
    private final ObjectMapper mapper = new ObjectMapper();

    public PageRoutes(StoreOfRecord store, Pipeline pipeline, DataFolders folders) {
        this.store = store;
        this.pipeline = pipeline;
        this.folders = folders;
        this.cache = folders.done().resolveSibling(CACHE_FOLDER);
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);
        rest("/api")
                .get("/submissions/{id}/pages").to("direct:pages-count")
                .get("/submissions/{id}/pages/{n}").to("direct:pages-image")
                .get("/submissions/{id}/highlights").to("direct:pages-highlights");
        from("direct:pages-count").routeId("pages-count").routeConfigurationId(ApiRoutes.ERRORS).process(this::count);
        from("direct:pages-image").routeId("pages-image").routeConfigurationId(ApiRoutes.ERRORS).process(this::image);
        from("direct:pages-highlights").routeId("pages-highlights").routeConfigurationId(ApiRoutes.ERRORS)
                .process(this::highlights);
    }

    /** The submission and its original, or a Chinese 404. */
    private record Original(Submission submission, byte[] bytes) {
    }

    private Original original(Exchange e) {
        Submission s = ReviewRoutes.submission(e, store);
        byte[] bytes = store.original(s.id()).orElseThrow(() -> ApiProblem.notFound("第 " + s.id() + " 号提交的原始文件未保存"));
        return new Original(s, bytes);
    }

    private void count(Exchange e) {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        Original o = original(e);
        int pages = pages(o);
        ObjectNode body = mapper.createObjectNode();
        body.put("submission", o.submission().id());
        body.put("pages", pages);
        body.put("dpi", PdfPages.DPI);
        if (pages == 0) body.put("note", NOT_PAGED_NOTE);
        ApiRoutes.json(e, 200, body, mapper);
    }

    private void image(Exchange e) {
        QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class), Set.of());
        Original o = original(e);
        int n = pageNumber(e.getMessage().getHeader("n", String.class));
        inRange(o, n);
        Path file = cached(o, n + "-" + PdfPages.DPI + "dpi.png");
        byte[] png = read(file);
        if (png == null) {
            PageImage page = readingChild(o, () -> pipeline.renderPage(o.submission().fileName(), o.bytes(), n));
            if (!page.exists()) throw outOfRange(n, page.pages());
            png = page.png();
            write(file, png);
        }
        Message out = e.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, "image/png");
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Cache-Control", IMAGE_CACHE);
        out.setBody(png);
    }

    private void highlights(Exchange e) {
        QueryParameters q = QueryParameters.parse(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class),
                Set.of("page", "figure", "label", "in"));
        String figure = q.text("figure");
        String label = q.text("label");
        if (figure == null && label == null) throw ApiProblem.badRequest("请给出要查找的数字（figure）或指标名称（label）");
        Original o = original(e);
        int page = q.text("page") == null ? 0 : pageNumber(q.text("page"));
        if (page > 0) inRange(o, page);
        else if (pages(o) == 0) throw new ApiProblem(404, NOT_PAGED_NOTE);
        Boolean inTable = switch (q.text("in") == null ? "" : q.text("in")) {
            case "" -> null;
            case "table" -> true;
            case "text" -> false;
            default -> throw ApiProblem.badRequest("参数 in 应为 table（表格中的数字）或 text（正文中的数字）");
        };
        FigureQuery query = new FigureQuery(page, figure, label, inTable);
        PageHighlights found = readingChild(o, () -> pipeline.highlights(o.submission().fileName(), o.bytes(), query));
        ObjectNode body = mapper.createObjectNode();
        body.put("pages", found.pages());
        body.put("page", found.page());
        body.put("textLayer", found.textLayer());
        ArrayNode boxes = body.putArray("boxes");
        for (PageHighlights.Box b : found.boxes()) {
            ObjectNode box = boxes.addObject();
            box.put("x", b.x());
            box.put("y", b.y());
            box.put("width", b.width());
            box.put("height", b.height());
            box.put("text", b.text());
            box.put("kind", b.kind());
        }
        if (!found.textLayer() && found.page() > 0) body.put("note", SCANNED_NOTE);
        else if (found.boxes().isEmpty()) body.put("note", NOT_FOUND_NOTE);
        ApiRoutes.json(e, 200, body, mapper);
    }

    /** A 1-based page number from the request; a Chinese 400 for anything else. */
    static int pageNumber(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.matches("[1-9][0-9]{0,5}")) return Integer.parseInt(v);
        throw ApiProblem.badRequest("页码应为正整数");
    }

    private void inRange(Original o, int n) {
        int pages = pages(o);
        if (pages == 0) throw new ApiProblem(404, NOT_PAGED_NOTE);
        if (n > pages) throw outOfRange(n, pages);
    }

    private static ApiProblem outOfRange(int n, int pages) {
        return ApiProblem.notFound("第 " + n + " 页不存在：原始文件共 " + pages + " 页");
    }

    /** The page count (0: no PDF), from the cache or counted in a reading child. */
    private int pages(Original o) {
        Path file = cached(o, COUNT_FILE);
        byte[] kept = read(file);
        if (kept != null) {
            try {
                return Integer.parseInt(new String(kept, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException ignored) {
                // a damaged cache entry: counted again below
            }
        }
        int pages = readingChild(o, () -> pipeline.pageCount(o.submission().fileName(), o.bytes()));
        write(file, Integer.toString(pages).getBytes(StandardCharsets.US_ASCII));
        return pages;
    }

    /** The pipeline's answer; a file it cannot read is a Chinese 422 with its reason. */
    private static <T> T readingChild(Original o, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (UnreadableInputException u) {
            throw new ApiProblem(422, "无法显示原始文件的页面：" + u.reason());
        }
    }

    /**
     * {@code pages/<sha256>/<name>}: the folder is named by the store's digest of the file (checked
     * to be one), the name is built here from a number; nothing from the request.
     */
    private Path cached(Original o, String name) {
        String sha = o.submission().sha256();
        if (sha == null || !SHA256.matcher(sha).matches()) throw new IllegalStateException("stored digest is no SHA-256: " + sha);
        return DataFolders.inside(cache.resolve(sha), name);
    }

    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps a drawn page for the next request; a cache that cannot be written (a full disk) costs only a redraw. */
    private void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            folders.writeAtomically(file, bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("页面缓存 {} 未能写入：{}", file, e.toString());
        }
    }
}

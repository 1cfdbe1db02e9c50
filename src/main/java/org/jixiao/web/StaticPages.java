package org.jixiao.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web page's files, read once from the classpath ({@code /web/}) by a fixed list of names: a
 * request path selects an entry of this list and nothing else, so it never reaches a file system.
 */
final class StaticPages {

    /** Served path → resource name and content type. */
    static final Map<String, Page> PAGES;

    record Page(String resource, String contentType) {
    }

    static {
        Map<String, Page> pages = new LinkedHashMap<>();
        String html = "text/html; charset=UTF-8";
        pages.put("/", new Page("index.html", html));
        pages.put("/index.html", new Page("index.html", html));
        pages.put("/report.html", new Page("report.html", html));
        pages.put("/search.html", new Page("search.html", html));
        for (String page : new String[] {"login.html", "review.html", "submission.html", "dashboard.html", "print.html", "users.html"}) {
            pages.put("/" + page, new Page(page, html));
        }
        pages.put("/jixiao.css", new Page("jixiao.css", "text/css; charset=UTF-8"));
        // The API's description (OpenAPI 3), beside the API it describes.
        pages.put("/api/openapi.json", new Page("openapi.json", "application/json; charset=UTF-8"));
        for (String js : new String[] {"common.js", "upload.js", "report.js", "search.js", "login.js", "review.js",
                "submission.js", "dashboard.js", "print.js", "users.js"}) {
            pages.put("/" + js, new Page(js, "text/javascript; charset=UTF-8"));
        }
        PAGES = Map.copyOf(pages);
    }

    private final Map<String, byte[]> contents = new LinkedHashMap<>();

    StaticPages() {
        for (Page p : PAGES.values()) {
            contents.computeIfAbsent(p.resource(), StaticPages::read);
        }
    }

    byte[] content(Page page) {
        return contents.get(page.resource());
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticPages.class.getResourceAsStream("/web/" + resource)) {
            if (in == null) throw new IllegalStateException("web resource missing from the jar: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.jixiao.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web page's files, read once from the classpath ({@code /web/}, and the charting library's
 * WebJar) by a fixed list of names: a request path selects an entry of this list and nothing else,
 * so it never reaches a file system.
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
        // The dashboard's charting library, from its WebJar on the classpath (pinned in the pom): served
        // under a path without its version so that the pages need not change when it is bumped.
        String uplot = "/META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/dist/";
        pages.put("/vendor/uplot/uPlot.iife.min.js", new Page(uplot + "uPlot.iife.min.js", "text/javascript; charset=UTF-8"));
        pages.put("/vendor/uplot/uPlot.min.css", new Page(uplot + "uPlot.min.css", "text/css; charset=UTF-8"));
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

    /** The version of an npm WebJar on the classpath, from the Maven properties its jar carries. */
    private static String webJarVersion(String artifact) {
        String properties = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = StaticPages.class.getResourceAsStream(properties)) {
            if (in == null) throw new IllegalStateException("WebJar missing from the classpath: " + artifact);
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page's resource: a name under {@code /web/}, or a full classpath path (a WebJar's file). */
    private static byte[] read(String resource) {
        try (InputStream in = StaticPages.class.getResourceAsStream(resource.startsWith("/") ? resource : "/web/" + resource)) {
            if (in == null) throw new IllegalStateException("web resource missing from the jar: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

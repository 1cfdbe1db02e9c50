package org.jixiao;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the design, checked on the sources: the model imports nothing outside the
 * JDK; each library is imported only by the stage it serves; data flows one way through the stages.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/jixiao");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    /** Library prefix → the packages (prefixes) allowed to import it. */
    private static final Map<String, List<String>> LIBRARIES = Map.ofEntries(
            Map.entry("org.apache.lucene.", List.of("org.jixiao.index.lucene", "org.jixiao.index.analysis")),
            Map.entry("org.apache.solr.", List.of("org.jixiao.index.solr")),
            Map.entry("org.apache.camel.", List.of("org.jixiao.route", "org.jixiao.web")),
            Map.entry("org.apache.kafka.", List.of("org.jixiao.route")),
            Map.entry("org.apache.pdfbox.", List.of("org.jixiao.extract")),
            Map.entry("technology.tabula.", List.of("org.jixiao.extract")),
            Map.entry("com.hankcs.", List.of("org.jixiao.extract.narrative", "org.jixiao.index")),
            Map.entry("org.apache.tika.", List.of("org.jixiao.ingest", "org.jixiao.extract")),
            Map.entry("org.apache.poi.", List.of("org.jixiao.extract.office", "org.jixiao.output")),
            Map.entry("org.flywaydb.", List.of("org.jixiao.store")),
            Map.entry("com.zaxxer.", List.of("org.jixiao.store")),
            Map.entry("org.springframework.", List.of("org.jixiao.store")),
            Map.entry("org.h2.", List.of("org.jixiao.store")),
            Map.entry("org.postgresql.", List.of("org.jixiao.store")),
            Map.entry("io.github.mymonstercat.", List.of("org.jixiao.extract.ocr")),
            Map.entry("com.benjaminwan.", List.of("org.jixiao.extract.ocr")));

    /** Stage order: a package may import its own stage and earlier ones, never a later one. */
    private static final List<String> STAGES = List.of("org.jixiao.model", "org.jixiao.pipeline.Stage",
            "org.jixiao.mapping", "org.jixiao.ingest", "org.jixiao.extract", "org.jixiao.normalize",
            "org.jixiao.verify", "org.jixiao.pipeline", "org.jixiao.output", "org.jixiao.store", "org.jixiao.index",
            "org.jixiao.route", "org.jixiao.web", "org.jixiao.cli", "org.jixiao.bench");

    @Test
    void packagesImportOnlyWhatTheirStageMay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                Matcher pm = PACKAGE.matcher(src);
                if (!pm.find()) continue;
                String pkg = pm.group(1);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imp = m.group(2);
                    String why = violation(pkg, imp);
                    if (why != null) violations.add(f + ": " + imp + " (" + why + ")");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Code of the search store's implementations; everything else reaches them only through the port. */
    private static final List<String> LUCENE_PACKAGES = List.of("org/jixiao/index/lucene/", "org/jixiao/index/analysis/");
    /** Block and line comments, so that a {@code {@link}} in documentation is not counted as a use. */
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /**
     * Only the Lucene implementation of the search store (and its analysis) uses Lucene, by import
     * or by a fully qualified name: the CLI, the routes and the web go through {@code SearchStore},
     * so that another implementation (SolrCloud) replaces it without touching them.
     */
    @Test
    void onlyTheLuceneSearchStoreUsesLucene() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String path = f.toString().replace('\\', '/');
                if (LUCENE_PACKAGES.stream().anyMatch(path::contains)) continue;
                String code = COMMENTS.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll("");
                if (code.contains("org.apache.lucene.")) violations.add(f.toString());
            }
        }
        assertEquals(List.of(), violations);
    }

    private static String violation(String pkg, String imp) {
        if (pkg.equals("org.jixiao.model") && !imp.startsWith("java.") && !imp.startsWith("org.jixiao.model.")) {
            return "the model imports nothing outside the JDK";
        }
        for (Map.Entry<String, List<String>> e : LIBRARIES.entrySet()) {
            if (imp.startsWith(e.getKey()) && e.getValue().stream().noneMatch(pkg::startsWith)) {
                return e.getKey() + " only in " + e.getValue();
            }
        }
        if (imp.startsWith("org.jixiao.")) {
            int from = stage(pkg);
            int to = stage(imp);
            if (from >= 0 && to > from) return "a stage never imports a later one";
        }
        return null;
    }

    private static int stage(String name) {
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < STAGES.size(); i++) {
            String s = STAGES.get(i);
            if ((name.equals(s) || name.startsWith(s + ".")) && s.length() > bestLength) {
                best = i;
                bestLength = s.length();
            }
        }
        return best;
    }
}

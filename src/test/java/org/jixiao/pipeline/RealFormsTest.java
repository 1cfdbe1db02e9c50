package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real published form in {@code ../shared/real-forms/docs} (or -Djixiao.realForms) is read
 * to its {@code expected/} file, field by field ({@link FormExpectation}). Without the folder the
 * cases are skipped, visibly. The per-document table is printed at the end.
 *
 * <p>Expected values that cannot be read from the document itself are listed in
 * {@link #DISPUTED} with the reason, and not checked; README names them too.
 */
class RealFormsTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TABLE = new TreeMap<>();

    /** document → field → why the expected value is not checked. */
    static final Map<String, Map<String, String>> DISPUTED = Map.of(
            "ah-shouxian-2023-dept-overall.pdf", Map.of("region",
                    "寿县 is not printed: the form's 单位 cell is empty and the title names no place (taken from the publishing site)"),
            "ah-tongling-jiaoqu-2021-scoring.xlsx", Map.of("region",
                    "the form prints only 郊区财政局; 郊区 is the name of several districts (铜陵, 佳木斯, 阳泉 …), and nothing printed says which"),
            "sc-zhaohua-2021-decl.pdf", Map.of("region",
                    "the form prints only 区卫生健康局; 昭化区 comes from the page source, not the form"));

    static Path root() {
        Path p = Path.of(System.getProperty("jixiao.realForms", "../shared/real-forms"));
        return Files.isDirectory(p.resolve("docs")) ? p : null;
    }

    static Stream<Arguments> documents() throws IOException {
        Path root = root();
        if (root == null) return Stream.of(Arguments.of("../shared/real-forms 不存在：真实表格测试跳过"));
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.sorted().forEach(d -> out.add(Arguments.of(d.getFileName().toString())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsTheFormToItsExpectedFile(String name) throws IOException {
        Path root = root();
        assumeTrue(root != null, "../shared/real-forms is absent (CI has it): real-forms cases skipped");
        JsonNode expected = JSON.readTree(root.resolve("expected").resolve(name + ".json").toFile());
        Report report = PIPELINE.process(root.resolve("docs").resolve(name));
        JsonNode actual = JSON.readTree(ReportJson.write(report));
        ReportSchema.assertValid(actual, name);
        Set<String> disputed = DISPUTED.getOrDefault(name, Map.of()).keySet();
        FormExpectation.Result r = FormExpectation.compare(expected, actual, disputed);
        TABLE.put(name, String.format("%-44s %-7s %-7s %-7s %-7s %s", name.length() > 44 ? name.substring(0, 44) : name,
                r.cell("header"), r.cell("funds"), r.cell("indicators"), r.cell("items"),
                r.differences.isEmpty() ? "ok" : r.differences.size() + " difference(s)"));
        assertTrue(r.differences.isEmpty(), name + " differs from its expected file:\n  " + String.join("\n  ", r.differences));
        // Never silent, always located: a section expected but not read is a finding, and every
        // finding but those about the whole report says where its figure stands.
        for (org.jixiao.model.SectionCoverage c : report.coverage()) {
            if (!c.notRead()) continue;
            assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("SECTION_NOT_READ")
                    && f.subject().equals(c.section())), name + ": " + c.section() + " not read, and not said");
        }
        for (org.jixiao.model.Finding f : report.findings()) {
            assertTrue(f.location() != null || FindingLocationCorpusTest.exempt(report, f),
                    name + ": " + f.code() + "/" + f.subject() + " has no location");
        }
    }

    @AfterAll
    static void printTable() {
        if (TABLE.isEmpty()) return;
        System.out.println(String.format("%-44s %-7s %-7s %-7s %-7s %s", "document", "header", "funds", "indic.", "items", ""));
        TABLE.values().forEach(System.out::println);
    }
}

package org.jixiao.pipeline.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.jixiao.cli.JixiaoCommand;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Indicator;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Limits;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile submission has an asserted outcome: a correct report, or a clear Chinese reason
 * naming the file. The batch goes on past all of them, and nothing leaves the data folders.
 */
class HostileCorpusTest {

    /** Tighter than the default so a stuck parser shows up quickly; still far above a real report's cost. */
    private static final Limits LIMITS = new Limits(32L * 1024 * 1024, 500, Duration.ofSeconds(30));
    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled(), LIMITS);

    private static Path dir;
    private static Map<String, Path> files;

    @BeforeAll
    static void generate() throws Exception {
        dir = Files.createTempDirectory("hostile");
        files = HostileCorpus.write(dir);
    }

    @AfterAll
    static void clean() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What must come out of one file. */
    private record Expect(boolean readable, String[] reasonWords) {
        static Expect report() {
            return new Expect(true, new String[0]);
        }

        static Expect unreadable(String... anyOf) {
            return new Expect(false, anyOf);
        }

        @Override
        public String toString() {
            return readable ? "report" : "unreadable " + Arrays.toString(reasonWords);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty.txt", Expect.unreadable("文件为空")),
                Arguments.of("junk.pdf", Expect.unreadable("不是可读取的报告格式")),
                Arguments.of("junk.txt", Expect.unreadable("不是可读取的报告格式")),
                Arguments.of("junk.docx", Expect.unreadable("不是可读取的报告格式")),
                Arguments.of("text-named-as.pdf", Expect.report()),
                Arguments.of("utf8-bom.txt", Expect.report()),
                Arguments.of("gbk.txt", Expect.report()),
                Arguments.of("utf16le-bom.txt", Expect.report()),
                Arguments.of("utf16be.txt", Expect.report()),
                Arguments.of("no-tables.txt", Expect.report()),
                Arguments.of("not-a-report.txt", Expect.unreadable("未识别为绩效自评表或绩效目标申报表")),
                Arguments.of("script.html", Expect.report()),
                Arguments.of("报告 带 空格.txt", Expect.report()),
                Arguments.of("..两个点..txt", Expect.report()),
                Arguments.of("长".repeat(70) + ".txt", Expect.report()),
                Arguments.of("zip-bomb.docx", Expect.unreadable("压缩", "过大", "内存", "无法解析")),
                Arguments.of("xxe.docx", Expect.unreadable("未识别", "无法解析", "实体")),
                Arguments.of("latin-text-named-as.txt", Expect.unreadable("未识别")),
                Arguments.of("encrypted-user-password.pdf", Expect.unreadable("加密")),
                Arguments.of("encrypted-owner-only.pdf", Expect.unreadable("加密", "文字", "未识别")),
                Arguments.of("truncated.pdf", Expect.unreadable("不完整")),
                Arguments.of("xref-damaged.pdf", Expect.unreadable("损坏", "无法解析", "未识别")),
                Arguments.of("broken-stream.pdf", Expect.unreadable("损坏", "无法解析", "未识别", "文字")),
                Arguments.of("thousands-of-pages.pdf", Expect.unreadable("页")),
                Arguments.of("huge-page.pdf", Expect.unreadable("页面", "未识别", "文字")),
                Arguments.of("deeply-nested.pdf", Expect.unreadable("嵌套", "损坏", "无法解析", "未识别", "文字")),
                Arguments.of("cyclic-pages.pdf", Expect.unreadable("循环", "损坏", "无法解析", "未识别", "文字", "超时")),
                Arguments.of("image-only.pdf", Expect.unreadable("文字层", "扫描")));
    }

    @Test
    void everyGeneratedFileHasAnExpectation() {
        assertEquals(files.keySet(), cases().map(a -> (String) a.get()[0]).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void outcome(String name, Expect expect) {
        Path file = files.get(name);
        try {
            Report r = PIPELINE.process(file);
            if (!expect.readable()) fail(name + " should be refused, but was read as " + r.kind() + " " + r.project());
            String json = ReportJson.write(r);
            assertFalse(json.contains("root:") || json.contains("<script") || json.contains("onerror"), json);
            if (!name.equals("no-tables.txt")) {
                assertEquals("社区服务项目", r.project().name(), name);
                assertFalse(r.indicators().isEmpty(), name);
                for (Indicator i : r.indicators()) assertFalse(i.name().contains("x()"), i.name());
            } else {
                // A self-evaluation without its indicator table is only partly read, and says so.
                assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("SECTION_NOT_READ")
                        && f.subject().equals("indicators")), r.findings().toString());
                assertTrue(r.partlyRead());
            }
        } catch (UnreadableInputException e) {
            if (expect.readable()) fail(name + " should be read, but: " + e.getMessage(), e);
            assertEquals(name, e.fileName());
            assertTrue(e.getMessage().startsWith(name + "："), e.getMessage());
            assertTrue(Arrays.stream(expect.reasonWords()).anyMatch(w -> e.reason().contains(w)),
                    name + ": reason \"" + e.reason() + "\" should say one of " + Arrays.toString(expect.reasonWords()));
            assertFalse(e.reason().contains("root:"), e.reason());
        }
        assertTrue(Files.exists(file), "the input is never deleted");
    }

    @Test
    void theBatchGoesOnPastEveryBadFileAndNamesEachOne() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path outDir = Files.createTempDirectory("hostile-out");
        int code = JixiaoCommand.run(new String[] {"check", "--out", outDir.toString(), dir.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code, err.toString());
        for (String name : files.keySet()) {
            boolean written = Files.exists(outDir.resolve(name + ".json")) || Files.exists(outDir.resolve(name + ".error.txt"));
            assertTrue(written, "no result written for " + name);
        }
        try (Stream<Path> s = Files.list(outDir)) {
            assertEquals(files.size(), s.count(), "one result per input, nothing else");
        }
        String table = out.toString();
        assertTrue(table.contains("共 " + files.size() + " 个文件"), table);
    }
}

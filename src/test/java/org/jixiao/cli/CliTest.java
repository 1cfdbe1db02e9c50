package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jixiao.pipeline.SampleReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: exit codes, formats, --out, and that inputs are never touched. */
class CliTest {

    private static final String REPORT = SampleReports.SELF_EVALUATION;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JixiaoCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("good.txt"), REPORT, StandardCharsets.UTF_8);
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("notes.json"), "{}", StandardCharsets.UTF_8);
    }

    @Test
    void extractPrintsTheCanonicalJson() throws Exception {
        assertEquals(0, run("extract", dir.resolve("good.txt").toString()));
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals("SELF_EVALUATION", r.get("kind").asText());
        assertEquals("成都市", r.get("region").asText());
        assertEquals("510100", r.get("regionCode").asText());
        assertEquals(0, r.at("/funds/executionScore").decimalValue().compareTo(new java.math.BigDecimal("18.00")));
        assertEquals(2, r.get("indicators").size());
        // The total is 18 + 40 + 40 = 98.00: nothing to report.
        assertEquals(0, r.get("findings").size(), r.get("findings").toString());
    }

    @Test
    void checkReportsBadFilesByNameAndKeepsGoing() throws Exception {
        int code = run("check", dir.toString());
        assertEquals(1, code);
        String table = out.toString();
        assertTrue(table.contains("good.txt"), table);
        assertTrue(table.contains("empty.txt") && table.contains("文件为空"), table);
        assertTrue(table.contains("社区服务项目"), table);
        assertTrue(table.contains("跳过 1 个非报告格式的文件"), table);
        assertTrue(Files.exists(dir.resolve("empty.txt")), "a failed input is never deleted");
    }

    @Test
    void checkCsvIsExcelReadyUtf8WithBom() {
        Path bad = dir.resolve("bad.txt");
        assertEquals(0, run("check", "--format", "csv", dir.resolve("good.txt").toString()));
        String csv = out.toString();
        assertTrue(csv.startsWith("\uFEFF文件,地区,年度,项目,读取,代码,问题,级别,对象,应为,填报,说明,位置\r\n"), csv);
        assertTrue(!Files.exists(bad));
    }

    @Test
    void checkOutWritesOneJsonPerReportAndTheReasonForEachFailure() throws Exception {
        Path outDir = dir.resolve("out");
        assertEquals(1, run("check", "--format", "json", "--out", outDir.toString(),
                dir.resolve("good.txt").toString(), dir.resolve("empty.txt").toString()));
        assertTrue(Files.exists(outDir.resolve("good.txt.json")));
        assertTrue(Files.readString(outDir.resolve("empty.txt.error.txt")).contains("文件为空"));
        JsonNode all = new ObjectMapper().readTree(out.toString());
        assertEquals(1, all.size());
        assertTrue(err.toString().contains("empty.txt"), err.toString());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("check"));
        assertEquals(2, run("check", "--format", "xml", "x"));
        assertEquals(2, run("nosuchcommand"));
    }

    @Test
    void missingFileIsNamed() {
        assertEquals(1, run("extract", dir.resolve("nope.txt").toString()));
        assertTrue(err.toString().contains("nope.txt") && err.toString().contains("文件不存在"), err.toString());
    }

    @Test
    void serveOnAPortInUseSaysSoInOneLineAndStops() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int code = run("serve", "--data", dir.resolve("data").toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, code);
            String message = err.toString().strip();
            assertTrue(message.contains("端口 " + taken.getLocalPort() + " 已被占用"), message);
            assertEquals(1, message.lines().count(), message);
            assertFalse(out.toString().contains("服务已启动"), out.toString());
        }
    }

    @Test
    void commandLineErrorsAreOneChineseLineAndExitTwo() {
        assertEquals(2, run("check", "--frmat", "x"));
        assertEquals("jixiao check：未知选项 --frmat（用 jixiao check --help 查看用法）", err.toString().strip());
        for (String[] args : new String[][] {{"check"}, {"check", "--format", "xml", "x"}, {"nosuchcommand"},
                {"search", "--limit", "abc"}, {"check", "x", "--timeout"}, {"extract", "a", "b"}, {}, {"help", "nope"}}) {
            err.getBuffer().setLength(0);
            assertEquals(2, run(args), String.join(" ", args));
            String message = err.toString().strip();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.startsWith("jixiao") && message.endsWith("--help 查看用法）"), message);
            assertFalse(message.matches("(?s).*(Usage|Missing|Invalid|Unknown|Unmatched|expected).*"), message);
        }
        err.getBuffer().setLength(0);
        run("check", "--format", "xml", "x");
        assertTrue(err.toString().contains("选项 --format 的取值 xml 无效，可选：table"), err.toString());
    }

    @Test
    void usageHelpIsChinese() {
        for (String[] args : new String[][] {{"check", "--help"}, {"--help"}, {"help", "search"}}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(args));
            String help = out.toString();
            assertTrue(help.startsWith("用法：jixiao"), help);
            assertFalse(help.contains("Usage") || help.contains("Show this help") || help.contains("Print version")
                    || help.contains("Display help"), help);
        }
        assertTrue(out.toString().contains("选项：") && out.toString().contains("显示本命令的用法并退出"), out.toString());
    }

    @Test
    void reasonsShownToUsersHaveNoLibraryText() throws Exception {
        Path docx = dir.resolve("broken.docx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(docx))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "officeDocument\" Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path pdf = dir.resolve("deep.pdf");
        String nested = "[".repeat(2000) + "]".repeat(2000);
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /X " + nested + " >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                StandardCharsets.ISO_8859_1);
        Path outDir = dir.resolve("out");
        assertEquals(1, run("check", "--format", "csv", "--out", outDir.toString(), docx.toString(), pdf.toString()));
        String shown = out + err.toString() + Files.readString(outDir.resolve("broken.docx.error.txt"))
                + Files.readString(outDir.resolve("deep.pdf.error.txt"));
        assertTrue(shown.contains("无法读取 " + docx) && shown.contains("无法读取 " + pdf), shown);
        assertFalse(shown.contains("TIKA") || shown.contains("OOXMLParser") || shown.contains("recursion"), shown);
        assertTrue(err.toString().contains("文档无法解析") && err.toString().contains("PDF 文件已损坏"), err.toString());

        assertEquals("文档无法解析，文件可能已损坏", UserReason.strip("文档无法解析，文件可能已损坏（TIKA-198: Illegal IOException from x@3fa4f113）"));
        assertEquals("处理超时（超过 60 秒），已跳过", UserReason.strip("处理超时（超过 60 秒），已跳过"));
        assertEquals("PDF 读取失败，文件可能已损坏", UserReason.strip("PDF 读取失败，文件可能已损坏：Missing root object"));
    }

    @Test
    void theReportKindIsWrittenAsTheWebPageWritesIt() {
        assertEquals(0, run("check", dir.resolve("good.txt").toString()));
        assertTrue(out.toString().contains("绩效自评"), out.toString());
    }

    @Test
    void outNeverOverwritesAnEarlierRun() throws Exception {
        Path outDir = dir.resolve("out");
        String good = dir.resolve("good.txt").toString();
        String empty = dir.resolve("empty.txt").toString();
        assertEquals(1, run("check", "--out", outDir.toString(), good, empty));
        Files.writeString(outDir.resolve("good.txt.json"), "earlier run, edited", StandardCharsets.UTF_8);
        assertEquals(1, run("check", "--out", outDir.toString(), good, empty));
        assertEquals("earlier run, edited", Files.readString(outDir.resolve("good.txt.json")));
        assertTrue(Files.readString(outDir.resolve("good.txt.2.json")).contains("社区服务项目"));
        assertTrue(Files.readString(outDir.resolve("empty.txt.2.error.txt")).contains("文件为空"));
        assertEquals(0, run("check", "--out", outDir.toString(), good));
        assertTrue(Files.exists(outDir.resolve("good.txt.3.json")));
        assertEquals("earlier run, edited", Files.readString(outDir.resolve("good.txt.json")));
    }

    @Test
    void jsonlPrintsOneReportPerLineAsEachIsChecked() throws Exception {
        Path second = dir.resolve("second.txt");
        Files.writeString(second, REPORT, StandardCharsets.UTF_8);
        assertEquals(1, run("check", "--format", "jsonl", dir.toString()));
        java.util.List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        for (String line : lines) {
            JsonNode r = new ObjectMapper().readTree(line);
            assertEquals("SELF_EVALUATION", r.get("kind").asText());
        }
        assertTrue(err.toString().contains("无法读取 " + dir.resolve("empty.txt")), err.toString());
    }

    @Test
    void checkOnAFolderWithoutReportFilesSaysSoAndExitsOne() throws Exception {
        Path empty = dir.resolve("empty-folder");
        Files.createDirectories(empty);
        Path others = dir.resolve("others");
        Files.createDirectories(others);
        Files.writeString(others.resolve("data.json"), "{}", StandardCharsets.UTF_8);
        for (Path folder : new Path[] {empty, others}) {
            err.getBuffer().setLength(0);
            out.getBuffer().setLength(0);
            assertEquals(1, run("check", folder.toString()));
            assertTrue(err.toString().contains("在 " + folder + " 下没有找到报告文件"), err.toString());
            assertFalse(out.toString().contains("共 0 个文件"), out.toString());
        }
    }

    @Test
    void jsonlAndCsvArePrintedAsReportsComeNotAtTheEnd() {
        // What stdout held each time it was flushed: a stream shows the first report before the last is checked.
        java.util.List<String> seen = new java.util.ArrayList<>();
        StringWriter streamed = new StringWriter() {
            @Override
            public void flush() {
                if (getBuffer().length() > 0 && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(toString()))) seen.add(toString());
            }
        };
        String good = dir.resolve("good.txt").toString();
        String empty = dir.resolve("empty.txt").toString();
        JixiaoCommand.run(new String[] {"check", "--format", "jsonl", good, empty, good}, new PrintWriter(streamed), new PrintWriter(err));
        assertEquals(2, seen.size(), "states of stdout: " + seen.size());
        assertEquals(1, seen.get(0).lines().count(), "the first report is printed before the next is read");
        assertEquals(2, seen.get(1).lines().count());

        seen.clear();
        streamed.getBuffer().setLength(0);
        JixiaoCommand.run(new String[] {"check", "--format", "csv", good, empty, good}, new PrintWriter(streamed), new PrintWriter(err));
        assertEquals(2, seen.size(), seen.toString());
        assertEquals(FindingsCsvHeader.LINE, seen.get(0), "the header is printed first, alone");
        assertTrue(seen.get(1).startsWith(FindingsCsvHeader.LINE) && seen.get(1).contains("empty.txt"), seen.get(1));
    }

    private static final class FindingsCsvHeader {
        static final String LINE = "\uFEFF文件,地区,年度,项目,读取,代码,问题,级别,对象,应为,填报,说明,位置\r\n";
    }

    @Test
    void aMisspeltMappingKeyIsOneChineseLineAndExitTwo() throws Exception {
        Path mappings = dir.resolve("mappings");
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of("mappings"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = mappings.resolve(Path.of("mappings").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path labels = mappings.resolve("labels.yaml");
        Files.writeString(labels, Files.readString(labels).replace("    adjustedBudget: [", "    adjustedBudgett: ["));
        assertEquals(2, run("check", "--mappings", mappings.toString(), dir.resolve("good.txt").toString()));
        String message = err.toString().strip();
        assertTrue(message.contains("adjustedBudgett") && message.contains(labels.toString()), message);
        assertEquals(1, message.lines().count(), message);
    }
}

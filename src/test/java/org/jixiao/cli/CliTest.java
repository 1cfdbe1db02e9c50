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
}

package org.jixiao.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Location;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SectionCoverage;
import org.jixiao.model.Severity;
import org.jixiao.model.SourceInfo;
import org.junit.jupiter.api.Test;

/** The CLI table, the CSV and the web page take every finding title from the one catalogue. */
class FindingTitlesTest {

    private static final Finding RATE = FindingCode.EXECUTION_RATE_MISMATCH.finding("executionRate",
            "执行率应为 91.81%（执行数 1550.59 ÷ 预算数 1688.91），报告填写 93.50%",
            new BigDecimal("91.81"), new BigDecimal("93.50"), new Location(1, null, 4, 6, null, null));

    private static Report report(List<Finding> findings, List<SectionCoverage> coverage) {
        return new Report(ReportKind.SELF_EVALUATION, 2021, "成都市", "510100", "测试", new SourceInfo("a.txt", "0".repeat(64), "text/plain", null),
                new Project("测试项目", null, null), null, null, null, null, findings, null, null, coverage, null, null);
    }

    @Test
    void everyCodeHasATitleAnExplanationAndAFigure() {
        List<String> titles = new ArrayList<>();
        for (FindingCode c : FindingCode.values()) {
            assertFalse(c.title().isBlank(), c.name());
            assertFalse(c.explanation().isBlank(), c.name());
            assertFalse(c.figure().isBlank(), c.name());
            assertTrue(c.title().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    c + " has a Chinese title");
            assertFalse(titles.contains(c.title()), "two codes titled " + c.title());
            titles.add(c.title());
            assertEquals(c, FindingCode.of(c.code()));
        }
        assertEquals(Severity.WARNING, FindingCode.SECTION_NOT_READ.severity());
    }

    @Test
    void csvPrintsTheCatalogueTitleChineseSeverityAndFieldNames() {
        FindingsCsv csv = new FindingsCsv();
        csv.add("a.txt", report(List.of(RATE), List.of()));
        csv.addUnreadable("b.pdf", "PDF 已加密");
        String[] lines = csv.toString().split("\r\n");
        assertEquals(String.join(",", FindingsCsv.HEADER), lines[0].substring(FindingsCsv.BOM.length()));
        assertTrue(lines[1].startsWith("a.txt,成都市,2021,测试项目,完整,EXECUTION_RATE_MISMATCH,"
                + FindingCode.EXECUTION_RATE_MISMATCH.title() + ",错误,执行率,91.81,93.50,"), lines[1]);
        assertTrue(lines[1].endsWith("第 1 页 表格第 4 行 第 6 列"), lines[1]);
        assertFalse(lines[1].contains("ERROR") || lines[1].contains(",executionRate,"), lines[1]);
        assertTrue(lines[2].contains("UNREADABLE_FILE," + FindingCode.UNREADABLE_FILE.title() + ",错误"), lines[2]);
    }

    @Test
    void tablePrintsTheCatalogueTitleChineseSeverityAndFieldNames() {
        TerminalTable table = new TerminalTable();
        table.add("a.txt", report(List.of(RATE), List.of()));
        String out = table.toString();
        assertTrue(out.contains("[错误] " + FindingCode.EXECUTION_RATE_MISMATCH.title() + " EXECUTION_RATE_MISMATCH 执行率："), out);
        assertTrue(out.contains("（第 1 页 表格第 4 行 第 6 列）"), out);
    }

    @Test
    void aPartlyReadReportIsNeverShownClean() {
        SectionCoverage notRead = new SectionCoverage("indicators", "绩效指标", true, false, 0, List.of(), List.of(), null);
        Report partly = report(List.of(), List.of(notRead));
        TerminalTable table = new TerminalTable();
        table.add("a.txt", partly);
        String out = table.toString();
        assertTrue(out.contains(ReadState.PARTLY_READ), out);
        assertFalse(out.lines().skip(1).findFirst().orElseThrow().startsWith("✓"), out);
        assertTrue(out.contains("1 份未完整读取"), out);

        // Read back from JSON without coverage, the SECTION_NOT_READ finding alone says it.
        Finding section = FindingCode.SECTION_NOT_READ.finding("indicators", "表样应有“绩效指标”，报告中未找到", null);
        FindingsCsv csv = new FindingsCsv();
        csv.add("a.txt", report(List.of(section), List.of()));
        assertTrue(csv.toString().contains(",未完整读取,SECTION_NOT_READ," + FindingCode.SECTION_NOT_READ.title() + ",警告,绩效指标,"),
                csv.toString());

        TerminalTable whole = new TerminalTable();
        whole.add("a.txt", report(List.of(), List.of(new SectionCoverage("indicators", "绩效指标", true, true, 3, List.of(), List.of(), null))));
        assertTrue(whole.toString().lines().skip(1).findFirst().orElseThrow().startsWith("✓"), whole.toString());
    }

    @Test
    void theWebPagesKeepNoTitlesOfTheirOwn() throws IOException {
        for (String page : new String[] {"common.js", "report.js", "search.js", "upload.js", "report.html", "index.html", "search.html"}) {
            String source;
            try (InputStream in = FindingTitlesTest.class.getResourceAsStream("/web/" + page)) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (FindingCode c : FindingCode.values()) {
                assertFalse(source.contains(c.title()), page + " keeps its own title for " + c);
            }
            for (Severity s : Severity.values()) assertFalse(source.contains("'" + s.title() + "'"), page + " keeps its own word for " + s);
        }
    }
}

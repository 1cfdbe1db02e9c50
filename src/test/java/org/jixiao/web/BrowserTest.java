package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in real headless Chromium: upload a corpus report, see its findings on the report
 * page (each marked on its indicator row), search for one of its indicators. Skipped where
 * Debian's chromium is not installed; screenshots go to target/.
 */
class BrowserTest {


    @TempDir
    static Path root;
    static JixiaoServer server;
    static WebDriver browser;
    static WebDriverWait wait;

    private static boolean browserInstalled() {
        return HeadlessChromium.installed();
    }

    /** Skipped per test, with the reason, when there is no browser (an assumption in @BeforeAll counts as zero tests). */
    @org.junit.jupiter.api.BeforeEach
    void browserPresent() {
        assumeTrue(browserInstalled(), HeadlessChromium.MISSING);
    }

    @BeforeAll
    static void start() throws Exception {
        if (!browserInstalled()) return;
        server = TestServer.start(DataFolders.under(root.resolve("data")));
        browser = HeadlessChromium.start(root, 1400, 1100);
        wait = HeadlessChromium.waits(browser);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    @Test
    void uploadSeeFindingsAndSearchForAnIndicator() throws Exception {
        Path report = Corpus.goldenTextInputs().stream()
                .filter(p -> p.getFileName().toString().startsWith("qingdao")).findFirst().orElseThrow();
        JsonNode expected = ReportJson.mapper().readTree(report.resolveSibling("expected.json").toFile());
        int expectedFindings = expected.path("findings").size();

        Path other = Corpus.goldenTextInputs().stream()
                .filter(p -> p.getFileName().toString().startsWith("suzhou")).findFirst().orElseThrow();
        browser.get(base());
        // Two files chosen at once; each gets its own row and its own outcome.
        browser.findElement(By.id("files")).sendKeys(report.toAbsolutePath() + "\n" + other.toAbsolutePath());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.linkText("查看报告"), 2));
        WebElement row = browser.findElements(By.cssSelector("#uploads tbody tr")).stream()
                .filter(r -> r.getText().contains(report.getFileName().toString())).findFirst().orElseThrow();
        assertTrue(row.getText().contains("已检查") && row.getText().contains("发现 " + expectedFindings + " 个问题"), row.getText());
        WebElement link = row.findElement(By.linkText("查看报告"));
        screenshot("browser-upload.png");

        link.click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#findings tbody tr"), expectedFindings));
        // Every finding about an indicator is marked on that indicator's row of the table.
        List<WebElement> rows = browser.findElements(By.cssSelector("#indicators tbody tr"));
        int marked = 0;
        for (JsonNode f : expected.path("findings")) {
            String subject = f.path("subject").asText();
            for (WebElement r : rows) {
                List<WebElement> cells = r.findElements(By.tagName("td"));
                if (cells.size() > 2 && cells.get(2).getText().equals(subject)) {
                    assertTrue(r.getAttribute("class").contains("flagged"), subject + " row is marked");
                    assertFalse(r.findElements(By.cssSelector(".mark")).isEmpty(), subject + " row names its finding");
                    marked++;
                }
            }
        }
        assertTrue(marked > 0, "the report has findings on indicator rows to mark");
        String original = browser.findElement(By.id("original-link")).getAttribute("href");
        assertTrue(original.matches(".*/api/reports/[0-9a-f]{64}/original"), original);
        screenshot("browser-report.png");

        String indicator = expected.path("indicators").get(0).path("name").asText();
        browser.get(base() + "search.html");
        browser.findElement(By.id("q")).sendKeys(indicator);
        browser.findElement(By.id("search-button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#hits tbody tr")).stream().anyMatch(r -> r.getText().contains(indicator)));
        assertFalse(browser.findElements(By.cssSelector("#facets .facet")).isEmpty(), "facet counts are shown");
        assertTrue(browser.findElement(By.id("csv-button")).isEnabled(), "the hits can be exported");
        screenshot("browser-search.png");
    }

    @Test
    void markupInAReportIsShownAsTextNeverRun() throws Exception {
        Path report = Corpus.goldenTextInputs().stream()
                .filter(p -> p.getFileName().toString().startsWith("kunshan")).findFirst().orElseThrow();
        String hostile = "<img src=x onerror=window.jixiaoInjected=1>";
        String text = Files.readString(report, StandardCharsets.UTF_8);
        String field = "项目名称*:\t";
        int at = text.indexOf(field);
        assertTrue(at >= 0, "the declaration names its project");
        int end = text.indexOf('\t', at + field.length());
        // Escaped as a converted PDF would print it; the reader decodes the entities into the name.
        String tampered = text.substring(0, end) + hostile.replace("<", "&lt;").replace(">", "&gt;") + text.substring(end);
        HttpResponse<String> upload = WebSession.open(server.port()).upload("hostile.txt", tampered.getBytes(StandardCharsets.UTF_8));
        JsonNode body = ReportJson.mapper().readTree(upload.body());
        String project = body.path("report").path("project").path("name").asText();
        assertTrue(project.contains(hostile), "the markup reached the report: " + project);

        browser.get(base() + "report.html?id=" + body.path("id").asText());
        WebElement title = wait.until(d -> {
            WebElement t = d.findElement(By.id("title"));
            return t.getText().contains("就业见习补贴") ? t : null;
        });
        assertEquals(project, title.getText(), "shown as the text it is");
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "no element made from report text");
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser).executeScript("return window.jixiaoInjected === 1"));
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}

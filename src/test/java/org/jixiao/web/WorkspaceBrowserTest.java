package org.jixiao.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jixiao.model.Role;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.DataFolders;
import org.jixiao.store.StoreOfRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reviewer's day in real headless Chromium, on a service that asks for a login: log in, upload
 * two reports, see them on the dashboard and in the list, filter it, return one with an opinion and
 * confirm a finding, print the 审核意见, download the list as .xlsx (opened with POI), and the
 * pages at phone width; then a PDF's original beside its report, a finding's figure marked on its
 * page, at desktop and phone width. With axe-core present ({@code .ci/run} installs it from npm into
 * {@code target/npm}), each page is checked for serious accessibility violations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {

    private static final Path AXE = Path.of("target/npm/node_modules/axe-core/axe.min.js");
    /** The narrowest phone the pages must fit without sideways scrolling. */
    private static final int PHONE_WIDTH = 390;
    private static final String PASSWORD = "审核员的长密码2026";

    @TempDir
    static Path root;
    static JixiaoServer server;
    static WebDriver browser;
    static WebDriverWait wait;

    private static boolean browserInstalled() {
        return HeadlessChromium.installed();
    }

    @BeforeEach
    void browserPresent() {
        assumeTrue(browserInstalled(), HeadlessChromium.MISSING);
    }

    @BeforeAll
    static void start() throws Exception {
        if (!browserInstalled()) return;
        server = TestServer.start(ServerSettings.defaults(DataFolders.under(root.resolve("data")))
                .withAccess(ServerSettings.Access.LOGIN));
        server.store().addUser("shenhe", Role.REVIEWER, PASSWORD.toCharArray(), StoreOfRecord.SYSTEM);
        browser = HeadlessChromium.start(root, 1366, 1000);
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
    @Order(1)
    void aReviewerLogsInReviewsPrintsAndExports() throws Exception {
        browser.get(base() + "review.html");
        wait.until(ExpectedConditions.urlContains("login.html"));
        browser.findElement(By.id("name")).sendKeys("shenhe");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "用户名或密码不正确"));
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login button")).click();
        // The login page's own address names review.html (?next=): wait for the page itself.
        wait.until(d -> d.getCurrentUrl().endsWith("/review.html"));
        accessible("login→review");

        Path qingdao = corpus("qingdao");
        Path suzhou = corpus("suzhou");
        browser.get(base() + "index.html");
        browser.findElement(By.id("files")).sendKeys(qingdao.toAbsolutePath() + "\n" + suzhou.toAbsolutePath());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.linkText("查看报告"), 2));

        browser.get(base() + "dashboard.html");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("共 2 份提交"));
        WebElement pending = browser.findElements(By.cssSelector("#cards .card")).stream()
                .filter(c -> c.getText().contains("待审")).findFirst().orElseThrow();
        assertTrue(pending.getText().startsWith("2"), pending.getText());
        for (String chart : List.of("rates", "scores")) {
            int reports = figures(chart).stream().mapToInt(f -> f[1]).sum();
            assertTrue(reports >= 1 && reports <= 2, chart + ": the two reports' figures are counted, " + reports);
            assertTrue(barPixels(chart) > 0, chart + ": the bars are drawn on the chart's canvas");
        }
        accessible("dashboard");
        screenshot("workspace-dashboard.png");

        // A click on a bar of the total-score chart opens the list of that band.
        int[] band = figures("scores").stream().filter(f -> f[1] > 0).findFirst().orElseThrow();
        WebElement over = browser.findElement(By.cssSelector("#scores .u-over"));
        int bands = figures("scores").size();
        int offset = (int) Math.round((band[2] + 0.5) / bands * over.getSize().getWidth() - over.getSize().getWidth() / 2.0);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(over, offset, 0).click().perform();
        wait.until(ExpectedConditions.urlContains("review.html?score=" + band[0]));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list tbody tr"), band[1]));
        assertEquals(String.valueOf(band[0]), new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("score")))
                .getFirstSelectedOption().getAttribute("value"), "the list shows the band it is filtered by");

        browser.get(base() + "dashboard.html");
        wait.until(d -> d.findElement(By.id("message")).getText().contains("共 2 份提交"));
        pending = browser.findElements(By.cssSelector("#cards .card")).stream()
                .filter(c -> c.getText().contains("待审")).findFirst().orElseThrow();
        pending.click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list tbody tr"), 2));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("MOST_ERRORS");
        browser.findElement(By.id("region")).sendKeys(regionOf(qingdao));
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list tbody tr"), 1));
        assertTrue(browser.getCurrentUrl().contains("sort=MOST_ERRORS"), "the filters are in the address: " + browser.getCurrentUrl());
        String executed = browser.findElement(By.cssSelector("#list tbody tr td:nth-child(10)")).getText();
        assertTrue(executed.endsWith("%"), "the execution rate is shown as a percentage: " + executed);
        accessible("review list");
        screenshot("workspace-list.png");

        browser.findElement(By.cssSelector("#list tbody tr td a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        WebElement firstFinding = wait.until(d -> d.findElement(By.cssSelector("#findings tbody tr")));
        firstFinding.findElement(By.xpath(".//button[text()='确认']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#findings tbody tr .confirmed")).getText().contains("确认"));
        browser.findElement(By.cssSelector("input[name=status][value='退回']")).click();
        browser.findElement(By.id("opinion")).sendKeys("执行率与执行数不符，请核实后重新提交。");
        browser.findElement(By.cssSelector("#review-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "退回"));
        wait.until(d -> d.findElement(By.id("audit")).getText().contains("执行率与执行数不符"));
        accessible("submission");
        screenshot("workspace-submission.png");

        browser.findElement(By.linkText("打印审核意见")).click();
        wait.until(d -> d.findElement(By.id("conclusion")).getText().startsWith("退回"));
        assertTrue(browser.findElement(By.id("conclusion")).getText().contains("执行率与执行数不符"));
        assertEquals(1, browser.findElements(By.cssSelector("#confirmed li")).size(), "the confirmed finding is listed");
        assertEquals("shenhe", browser.findElement(By.id("reviewer")).getText());
        Object printNavHidden = ((JavascriptExecutor) browser).executeScript(
                "for (const r of document.styleSheets[0].cssRules) if (r.media && r.media.mediaText === 'print') return true; return false;");
        assertEquals(Boolean.TRUE, printNavHidden, "a print stylesheet is there");
        accessible("print");
        screenshot("workspace-print.png");

        // The export as the page's link downloads it, with the browser's own session.
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/submissions.xlsx').then(r => r.arrayBuffer()).then(b => {"
                        + "  let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                        + "  done(btoa(s)); });");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            var reports = book.getSheet("报告");
            assertEquals(2, reports.getLastRowNum(), "both reports exported");
            List<String> statuses = List.of(reports.getRow(1).getCell(13).getStringCellValue(),
                    reports.getRow(2).getCell(13).getStringCellValue());
            assertTrue(statuses.contains("退回") && statuses.contains("待审"), statuses.toString());
        }

        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
        for (String page : List.of("review.html", "dashboard.html", "search.html", "index.html")) {
            browser.get(base() + page);
            wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            if (page.equals("dashboard.html")) {
                wait.until(d -> barPixels("rates") > 0);
                screenshot("workspace-dashboard-phone.png");
            }
            Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
            assertTrue(width.intValue() <= PHONE_WIDTH, page + " is " + width + " px wide at " + PHONE_WIDTH + " px");
            accessible(page + " at phone width");
        }
        browser.get(base() + "review.html");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list tbody tr"), 2));
        screenshot("workspace-phone.png");
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    /** A chart's figures table, row by row: {band's lower bound (from its link), count, row index}. */
    private static List<int[]> figures(String chart) {
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("#" + chart + " table.figures tbody tr"));
            return r.isEmpty() ? null : r;
        });
        List<int[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String href = rows.get(i).findElement(By.tagName("a")).getAttribute("href");
            java.util.regex.Matcher from = java.util.regex.Pattern.compile("[?&](?:rate|score)=(\\d+)").matcher(href);
            assertTrue(from.find(), href);
            out.add(new int[] {Integer.parseInt(from.group(1)), Integer.parseInt(rows.get(i).findElement(By.tagName("td")).getText()), i});
        }
        return out;
    }

    /**
     * Pixels of the bars' colour on a chart's canvas (uPlot draws on a canvas): none before it is
     * drawn or when nothing is counted. The canvas must also have a real size on the page.
     */
    private static long barPixels(String chart) {
        Object n = ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#' + arguments[0] + ' canvas');"
                        + "if (!c || c.clientWidth < 100 || c.clientHeight < 100) return 0;"
                        + "const a = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();"
                        + "const rgb = [1, 3, 5].map(i => parseInt(a.substring(i, i + 2), 16));"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) if (d[i] === rgb[0] && d[i + 1] === rgb[1] && d[i + 2] === rgb[2] && d[i + 3] === 255) n++;"
                        + "return n;", chart);
        return ((Number) n).longValue();
    }

    /** The PDF's page beside its report; a finding clicked shows its page with the figure marked. */
    @Test
    @Order(2)
    void theOriginalStandsBesideTheReportWithTheFindingMarked() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 1000));
        browser.get(base() + "index.html");
        if (browser.getCurrentUrl().contains("login.html")) {
            browser.findElement(By.id("name")).sendKeys("shenhe");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("#login button")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/index.html"));
        }
        Path farmland = Corpus.goldenInputs().stream()
                .filter(p -> p.getFileName().toString().equals("changsha-county-2022-self-eval-farmland.pdf")).findFirst().orElseThrow();
        browser.findElement(By.id("files")).sendKeys(farmland.toAbsolutePath().toString());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.linkText("查看报告"), 1));
        Number id = (Number) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/submissions').then(r => r.json()).then(b => done(b.submissions"
                        + ".find(s => s.fileName === 'changsha-county-2022-self-eval-farmland.pdf').id));");

        browser.get(base() + "submission.html?id=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pager")));
        assertEquals("/ 共 2 页", browser.findElement(By.id("page-total")).getText());
        WebElement rateFinding = wait.until(d -> d.findElements(By.cssSelector("#findings tbody tr")).stream()
                .filter(r -> r.getText().contains("EXECUTION_RATE_MISMATCH")).findFirst().orElse(null));
        WebElement findings = browser.findElement(By.id("findings-section"));
        WebElement original = browser.findElement(By.id("original-section"));
        assertTrue(original.getRect().getX() >= findings.getRect().getX() + findings.getRect().getWidth(),
                "on a wide screen the original stands beside the report");
        rateFinding.findElement(By.cssSelector("button.finding-place")).click();
        WebElement mark = wait.until(d -> d.findElement(By.cssSelector("#page-marks .highlight.primary")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('page-image'); return i.complete && i.naturalWidth > 0;"));
        assertEquals("101.63%", mark.getAttribute("title"));
        assertTrue(browser.findElement(By.id("original-note")).getText().contains("已标出数字“101.63%”"),
                browser.findElement(By.id("original-note")).getText());
        assertMarkOnImage(mark);
        accessible("submission with its original");
        screenshot("workspace-original.png");

        // A finding without a figure (the duplicated indicator) marks its name on page 2.
        browser.findElements(By.cssSelector("#findings tbody tr")).stream()
                .filter(r -> r.getText().contains("DUPLICATE_INDICATOR")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button.finding-place")).click();
        wait.until(d -> d.findElement(By.id("page-number")).getAttribute("value").equals("2"));
        wait.until(d -> d.findElements(By.cssSelector("#page-marks .highlight.label")).size() >= 2);

        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
        browser.get(base() + "submission.html?id=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pager")));
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        Object wide = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > innerWidth)"
                        + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        assertTrue(width.intValue() <= PHONE_WIDTH, "submission.html is " + width + " px wide at " + PHONE_WIDTH + " px: " + wide);
        findings = browser.findElement(By.id("findings-section"));
        original = browser.findElement(By.id("original-section"));
        assertTrue(original.getRect().getY() >= findings.getRect().getY() + findings.getRect().getHeight(),
                "on a phone the original stands below the findings");
        wait.until(d -> d.findElements(By.cssSelector("#findings tbody tr")).stream()
                .filter(r -> r.getText().contains("EXECUTION_RATE_MISMATCH")).findFirst().orElse(null))
                .findElement(By.cssSelector("button.finding-place")).click();
        mark = wait.until(d -> d.findElement(By.cssSelector("#page-marks .highlight.primary")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('page-image'); return i.complete && i.naturalWidth > 0;"));
        assertMarkOnImage(mark);
        // The table's 执行率 cell, where the finding read it (row 6, column 7), is the marked one first.
        assertTrue(Double.parseDouble(mark.getCssValue("top").replace("px", "")) > browser.findElement(By.id("page-image"))
                .getRect().getHeight() / 2.0, "the table's cell at the page's foot: " + mark.getCssValue("top"));
        browser.findElement(By.id("page-zoom")).click();
        assertEquals("true", browser.findElement(By.id("page-zoom")).getAttribute("aria-pressed"));
        assertTrue(browser.findElement(By.id("page-image")).getRect().getWidth() > PHONE_WIDTH, "zoomed past the screen's width");
        assertMarkOnImage(browser.findElement(By.cssSelector("#page-marks .highlight.primary")));
        width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= PHONE_WIDTH, "the zoomed page scrolls inside its frame: " + width);
        accessible("submission with its original at phone width");
        screenshot("workspace-original-phone.png");
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    /** The mark lies inside the page's image, and its share of the image is the figure's (a word, not a line). */
    private static void assertMarkOnImage(WebElement mark) {
        var image = browser.findElement(By.id("page-image")).getRect();
        var box = mark.getRect();
        assertTrue(box.getX() >= image.getX() && box.getY() >= image.getY()
                && box.getX() + box.getWidth() <= image.getX() + image.getWidth()
                && box.getY() + box.getHeight() <= image.getY() + image.getHeight(), box + " inside " + image);
        assertTrue(box.getWidth() > 0 && box.getWidth() < image.getWidth() / 5, "a figure's width: " + box.getWidth());
    }

    private static Path corpus(String prefix) throws IOException {
        return Corpus.goldenTextInputs().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String regionOf(Path report) throws IOException {
        return org.jixiao.output.ReportJson.mapper().readTree(report.resolveSibling("expected.json").toFile()).path("region").asText();
    }

    /** axe-core's serious and critical violations on the page; none allowed. Skipped (with a note) without axe-core. */
    @SuppressWarnings("unchecked")
    private static void accessible(String page) throws IOException {
        if (!Files.exists(AXE)) {
            System.out.println("axe-core not installed (" + AXE + "): accessibility of " + page + " not checked");
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))));");
        assertEquals(List.of(), violations, page + ": serious accessibility violations");
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}

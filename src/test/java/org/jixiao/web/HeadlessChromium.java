package org.jixiao.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver, as the browser tests use it:
 * started with the flags this machine needs (no sandbox as root, no background networking), a
 * fresh profile, and screenshots kept under {@code target/}.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Bounds each wait for the page; the real waits are a fraction of it. */
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    /** Why a browser test is skipped where there is no browser. */
    static final String MISSING = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A browser of the given window size with a new profile under {@code profileRoot}. */
    static WebDriver start(Path profileRoot, int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createDirectories(profileRoot.resolve("chromium-profile")));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** The waits of a test: the pages rebuild their tables on every answer, so a row read just before is gone, not wrong. */
    static WebDriverWait waits(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, PAGE_TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Files.createDirectories(Path.of("target")).resolve(name);
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}

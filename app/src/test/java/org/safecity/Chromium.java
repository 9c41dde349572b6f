package org.safecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (Selenium is pointed at them so it never downloads a driver), a throw-away profile, screenshots
 * in {@code target/screenshots}. Without Chromium the tests are skipped, except in CI, where they fail.
 */
public final class Chromium implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver browser;
    private final Path profile;

    private Chromium(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    public static Chromium open() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Chromium is not installed: the browser tests need the Debian packages "
            + "chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if (System.getenv("CI") != null) {
            assertThat(installed).as(missing).isTrue();
        } else {
            Assumptions.assumeTrue(installed, missing + "; skipping it here.");
            Assumptions.assumeFalse(System.getProperty("safecity.browser.skip") != null, "browser tests skipped by -Dsafecity.browser.skip");
        }
        Path profile = Files.createTempDirectory("safecity-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No network here: without the background flags Chromium keeps dialling Google's services.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", profile.resolve("downloads").toString(),
            "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        var browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
        return new Chromium(browser, profile);
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** Signs in through the console's form and waits until the sign-in page is left. */
    public void signIn(int port, String username, String password) {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, PATIENCE).until(driver -> !driver.getCurrentUrl().endsWith("/login"));
        // what the previous account's page logged while it was left (a request cut off by the new sign-in) is not the next test's
        severeMessages();
    }

    public Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** The browser console's errors since the last call (the log is drained as it is read). */
    public List<String> severeMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage).toList();
    }

    public void screenshot(String name) {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;

/**
 * An investigator's evidence work in a real Chromium: open a case, upload an item (the page's
 * script, the CSRF header, the progress bar), read its custody history, seal and download an
 * export. Screenshots land in {@code target/screenshots}.
 */
class EvidenceInBrowserTest extends BrowserTest {

    private static final Duration PATIENCE = Chromium.PATIENCE;

    @Test
    void an_investigator_opens_a_case_uploads_footage_reads_its_custody_and_exports_the_case() throws IOException {
        String username = "browser.investigator." + System.nanoTime();
        String password = passwordOf(username);
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "SI Browser",
            "password", password, "roles", List.of("INVESTIGATOR"), "scope", "province")).status()).isEqualTo(201);
        Path footage = Files.createTempFile("footage-", ".mp4");
        byte[] content = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}, 0, content, 0, 12);
        Files.write(footage, content);

        signIn(username, password);
        browser.get(url("/evidence"));
        String fir = "BROWSER-" + System.nanoTime() + "/2026";
        browser.findElement(By.name("firNumber")).sendKeys(fir);
        browser.findElement(By.name("policeStation")).sendKeys("Gulbahar");
        browser.findElement(By.name("offence")).sendKeys("Robbery, section 392 PPC");
        browser.findElement(By.cssSelector("#open-case button[type=submit]")).click();
        waitFor(driver -> driver.getCurrentUrl().contains("/evidence/cases/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(fir);

        browser.findElement(By.name("file")).sendKeys(footage.toString());
        browser.findElement(By.name("place")).sendKeys("Saddar Road, shop camera 3");
        browser.findElement(By.cssSelector("#upload-item button[type=submit]")).click();
        waitFor(driver -> !driver.findElements(By.linkText(footage.getFileName().toString())).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".evidence-table")).getText()).contains("video/mp4", "3.0 MB");
        screenshot("evidence-case");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status"))).selectByValue("CHALLAN_SUBMITTED");
        browser.findElement(By.cssSelector("#case-status button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.cssSelector(".facts")).getText().contains("Challan submitted"));

        browser.findElement(By.name("recipient")).sendKeys("Judicial Magistrate, Peshawar");
        browser.findElement(By.name("reason")).sendKeys("trial");
        browser.findElement(By.cssSelector("#export-case button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.cssSelector("[data-status=export]")).getText().startsWith("Sealed and downloaded"));
        screenshot("evidence-export");

        browser.findElement(By.linkText(footage.getFileName().toString())).click();
        waitFor(driver -> driver.getCurrentUrl().contains("/evidence/items/"));
        String custody = browser.findElement(By.cssSelector(".custody")).getText();
        assertThat(custody).contains("created", "exported", "Judicial Magistrate, Peshawar");
        screenshot("evidence-item");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    /** Waits for a condition; the page reloads after each change, so an element found a moment ago may be gone. */
    private static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        chromium.signIn(port, username, password);
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}

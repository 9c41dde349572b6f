package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;

/**
 * A Peshawar supervisor keeps a stolen-vehicle list in a real Chromium: makes it, adds a plate,
 * imports the register's file (a plate already listed is reported, not added twice), sees a bad file
 * refused row by row, and takes a plate off.
 */
class WatchlistsInBrowserTest extends BrowserTest {

    @Test
    void a_supervisor_makes_a_list_adds_and_imports_plates_and_takes_one_off() throws IOException {
        String username = "browser.watchlists." + System.nanoTime();
        String password = passwordOf(username);
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "DSP Browser",
            "password", password, "roles", List.of("SUPERVISOR"), "cityCode", "PSH")).status()).isEqualTo(201);
        String name = "Stolen vehicles " + System.nanoTime();
        String serial = Long.toString(System.nanoTime() % 10_000);
        Path register = Files.createTempFile("register-", ".csv");
        Files.writeString(register, "plate,reason\nLEB-" + serial + "1,FIR 1/2026\nPSH-" + serial + "2,FIR 2/2026\n");
        Path bad = Files.createTempFile("register-bad-", ".csv");
        Files.writeString(bad, "plate,reason\nKHT-" + serial + "3,\n");

        chromium.signIn(port, username, password);
        browser.get(url("/watchlists"));
        waitFor(driver -> "true".equals(driver.findElement(By.id("lists-table")).getDomAttribute("data-loaded")));
        browser.findElement(By.name("name")).sendKeys(name);
        new Select(browser.findElement(By.name("priority"))).selectByValue("HIGH");
        browser.findElement(By.cssSelector("#new-list input[name=fuzzy]")).click();
        browser.findElement(By.cssSelector("#new-list button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.id("list-title")).getText().startsWith(name));
        assertThat(browser.findElement(By.id("lists-table")).getText()).contains(name, "Stolen vehicle", "HIGH", "PSH", "forgiven");

        browser.findElement(By.cssSelector("#add-entry input[name=plate]")).sendKeys("leb " + serial + "1");
        browser.findElement(By.cssSelector("#add-entry input[name=reason]")).sendKeys("FIR 1/2026 Gulbahar");
        browser.findElement(By.cssSelector("#add-entry button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.id("entries-table")).getText().contains("LEB" + serial + "1"));

        browser.findElement(By.cssSelector("#import-entries input[name=file]")).sendKeys(register.toString());
        browser.findElement(By.cssSelector("#import-entries button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.id("entries-table")).getText().contains("PSH" + serial + "2"));
        assertThat(browser.findElement(By.id("import-report")).getText())
            .contains("1 added", "Already on the list", "row 2 (LEB" + serial + "1)");
        assertThat(browser.findElement(By.id("entries-count")).getText()).isEqualTo("2 entries.");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('list-detail').scrollIntoView()");
        chromium.screenshot("watchlist");

        browser.findElement(By.cssSelector("#import-entries input[name=file]")).sendKeys(bad.toString());
        browser.findElement(By.cssSelector("#import-entries button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.id("import-report")).getText().contains("Nothing was imported"));
        assertThat(browser.findElement(By.id("import-report")).getText()).contains("row 2: reason is required");
        assertThat(browser.findElement(By.id("import-report")).getDomAttribute("class")).contains("notice-error");
        assertThat(chromium.severeMessages()).as("the browser logs the refused file, and nothing else went wrong")
            .singleElement().asString().contains("/entries.csv", "400");

        browser.findElement(By.cssSelector("tr[data-entry='PSH" + serial + "2'] button[data-remove]")).click();
        browser.switchTo().alert().accept();
        waitFor(driver -> !driver.findElement(By.id("entries-table")).getText().contains("PSH" + serial + "2"));
        assertThat(browser.findElement(By.id("entries-count")).getText()).isEqualTo("1 entry.");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}

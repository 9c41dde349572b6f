package org.safecity.console;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.Chromium;
import org.safecity.BrowserTest;
import org.safecity.TestDatabase;

/**
 * The console in a real Chromium: sign-in, the operations map with Peshawar's phase 1 cameras,
 * and the rollout dashboard. Screenshots land in {@code target/screenshots} for people to look at.
 * Needs the Debian packages {@code chromium} and {@code chromium-driver}; Selenium is pointed at
 * them so it never tries to download a driver.
 */
class ConsoleInBrowserTest extends BrowserTest {

    private static final Duration PATIENCE = Chromium.PATIENCE;


    @Test
    void the_map_shows_the_710_cameras_of_peshawar_phase_1_and_draws_as_many_as_it_counts() {
        signIn("admin", TestDatabase.ADMIN_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/map");
        WebElement map = loadedMap();
        screenshot("map-all");

        new Select(browser.findElement(By.name("city"))).selectByValue("PSH");
        loadedMap();
        new Select(browser.findElement(By.name("phase"))).selectByValue("1");
        map = loadedMap();

        assertThat(browser.getCurrentUrl()).contains("city=PSH", "phase=1");
        assertThat(browser.findElement(By.id("camera-count")).getText()).isEqualTo("710");
        assertThat(map.getDomAttribute("data-cameras-shown")).isEqualTo("710");
        assertThat(script("return window.SafeCityMap.camerasDrawn()")).isEqualTo(710L);
        assertThat(legendTotal("camera-legend")).isEqualTo(710);
        assertThat(severeBrowserMessages()).isEmpty();
        screenshot("map-peshawar-phase-1");
    }

    @Test
    void choosing_a_camera_on_the_map_shows_its_details() {
        signIn("admin", TestDatabase.ADMIN_PASSWORD);
        browser.get(url("/map?city=PSH&phase=1"));
        WebElement map = loadedMap();
        // the live layers drawn first (the suite's alerts lie on Peshawar's cameras): the camera chosen is one none covers
        new WebDriverWait(browser, PATIENCE).until(driver -> "true".equals(map.getDomAttribute("data-alerts-live"))
            && map.getDomAttribute("data-units-shown") != null && map.getDomAttribute("data-incidents-shown") != null
            && map.getDomAttribute("data-panics-shown") != null);

        // the camera nearest the centre, or the next one when something the suite put on Peshawar's map lies over it
        var details = browser.findElement(By.id("details"));
        var openedInstead = new java.util.ArrayList<String>();
        for (int nth = 0; nth < 4 && !details.getText().startsWith("CAMERA"); nth++) {
            @SuppressWarnings("unchecked")
            var point = (Map<String, Long>) script("return window.SafeCityMap.cameraNearCentre(" + nth + ")");
            var size = map.getSize();
            new Actions(browser).moveToElement(map, (int) (point.get("x") - size.getWidth() / 2), (int) (point.get("y") - size.getHeight() / 2))
                .click().perform();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(8)).until(driver -> details.getText().startsWith("CAMERA"));
            } catch (org.openqa.selenium.TimeoutException e) {
                openedInstead.add(details.getText().lines().findFirst().orElse("nothing"));
            }
        }
        assertThat(details.getText()).as("a click on a camera opens it (opened instead: %s)", openedInstead).startsWith("CAMERA");
        assertThat(openedInstead).as("cameras clicked that opened something else").hasSizeLessThan(2);
        assertThat(details.getText()).contains("Type", "Make / model", "Resolution", "Heading / FOV", "Site", "Zone", "Status",
            "Installation", "Last heard");
        // a demo camera was never heard from: its status is not taken from its plan, and its uptime is unknown, not 0
        new WebDriverWait(browser, PATIENCE).until(driver -> details.getText().contains("unknown: never heard from"));
        assertThat(details.getText()).contains("Never heard from").doesNotContain("Online");
        screenshot("map-camera-details");
    }

    @Test
    void a_commercial_partners_map_loads_without_the_authoritys_phases() {
        String username = "browser.partner." + ProcessHandle.current().pid();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Browser partner",
            "password", password, "roles", List.of("PARTNER"), "scope", "province", "partnerId", 1));
        assertThat(created.status()).as("partner account: %s", created).isEqualTo(201);

        signIn(username, password);
        var map = loadedMap();

        assertThat(browser.getCurrentUrl()).endsWith("/map");
        assertThat(browser.findElement(By.name("phase")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("camera-count")).getText()).isEqualTo(map.getDomAttribute("data-cameras-shown"));
        assertThat(browser.findElements(By.linkText("Rollout"))).isEmpty();
        // the phases are asked for and refused by design (the filter then hides itself); no live layer is asked for
        assertThat(severeBrowserMessages()).as("no layer the partner may not read is asked for")
            .allMatch(m -> m.contains("/api/v1/phases "));
        screenshot("map-partner");
    }

    @Test
    void the_rollout_shows_phase_1_with_its_125_sites_and_710_cameras() {
        signIn("admin", TestDatabase.ADMIN_PASSWORD);
        browser.findElement(By.linkText("Rollout")).click();
        var page = browser.findElement(By.id("rollout"));
        new WebDriverWait(browser, PATIENCE).until(driver -> "true".equals(page.getDomAttribute("data-loaded")));

        var phase = browser.findElement(By.id("phase-1"));
        assertThat(phase.findElement(By.className("phase-scope")).getText()).isEqualTo("125 sites · 710 cameras");
        assertThat(phase.findElement(By.className("badge")).getText()).isIn("ON TRACK", "LATE", "NO ESTIMATE");
        assertThat(severeBrowserMessages()).isEmpty();
        screenshot("rollout");
        script("document.getElementById('phases').scrollIntoView()");
        screenshot("rollout-phases");
    }

    @Test
    void an_auditor_who_signs_in_is_told_what_they_can_do() {
        String username = "browser.auditor." + ProcessHandle.current().pid();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Browser auditor",
            "password", password, "roles", List.of("AUDITOR"), "scope", "province"));
        assertThat(created.status()).as("auditor account: %s", created).isEqualTo(201);

        signIn(username, password);

        assertThat(browser.getCurrentUrl()).endsWith("/access");
        assertThat(browser.findElement(By.id("audit-access")).getText()).contains("GET /api/v1/audit", "GET /api/v1/audit/verify");
        assertThat(browser.findElements(By.linkText("Operations map"))).isEmpty();
        screenshot("auditor-access");
    }

    @Test
    void a_wrong_password_shows_the_error_on_the_sign_in_page() {
        browser.get(url("/login"));
        screenshot("sign-in");

        signIn("admin", "not-the-admin-password");

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("The username or password is not right.");
        screenshot("sign-in-refused");
    }

    private void signIn(String username, String password) {
        chromium.signIn(port, username, password);
    }

    /** Waits until the map has drawn what the current filters ask for, and returns its element. */
    private WebElement loadedMap() {
        var map = browser.findElement(By.id("map"));
        new WebDriverWait(browser, PATIENCE).until(driver -> "true".equals(map.getDomAttribute("data-loaded")));
        return map;
    }

    private int legendTotal(String legend) {
        return browser.findElements(By.cssSelector("#" + legend + " .count")).stream()
            .mapToInt(count -> Integer.parseInt(count.getText().replace(",", ""))).sum();
    }

    private Object script(String code) {
        return chromium.script(code);
    }

    private List<String> severeBrowserMessages() {
        return chromium.severeMessages();
    }


    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}

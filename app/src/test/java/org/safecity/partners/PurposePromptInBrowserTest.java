package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.SafeCityApi;
import tools.jackson.databind.JsonNode;

/**
 * An operator opening a commercial premises' camera on the playback page in Chromium is asked why; the
 * purpose given reaches the server with the opening, and the premises' manager reads who looked and why.
 * Declining the question opens nothing.
 */
class PurposePromptInBrowserTest extends BrowserTest {

    private void signInAsPeshawarOperator() {
        String username = "purpose.operator." + ProcessHandle.current().pid() + "." + System.nanoTime() % 100_000;
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Purpose operator",
            "password", passwordOf(username), "roles", List.of("OPERATOR"), "cityCode", "PSH"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        chromium.signIn(port, username, passwordOf(username));
    }

    private static JsonNode accessLog(SafeCityApi manager, long premisesId) {
        var log = manager.get("/api/v1/premises/" + premisesId + "/camera-access");
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        return log.json();
    }

    @Test
    void the_playback_page_asks_the_purpose_of_a_premises_camera_and_the_manager_reads_it() throws Exception {
        var fixtures = new PartnerFixtures(admin(), anonymous);
        long premises = fixtures.school();
        long camera = fixtures.camera(premises, fixtures.site(), List.of());
        var manager = fixtures.managerOf(premises);
        signInAsPeshawarOperator();

        browser.get(url("/video/playback?camera=" + camera));
        var prompt = new WebDriverWait(browser, Chromium.PATIENCE).until(ExpectedConditions.alertIsPresent());
        assertThat(prompt.getText()).contains("belongs to a commercial premises").contains("its manager can read it");
        String purpose = "Incident PSH-2026-0042 robbery at the gate";
        prompt.sendKeys(purpose);
        prompt.accept();
        // nothing is recorded of it to play back: its live video is what opens it
        new WebDriverWait(browser, Chromium.PATIENCE)
            .until(d -> "true".equals(d.findElement(By.id("playback")).getDomAttribute("data-loaded")));
        browser.findElement(By.id("mode-live")).click();

        long deadline = System.nanoTime() + Chromium.PATIENCE.toNanos();
        while (accessLog(manager, premises).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(accessLog(manager, premises)).singleElement().satisfies(entry -> {
            assertThat(entry.get("cameraId").asLong()).isEqualTo(camera);
            assertThat(entry.get("what").asString()).isIn("PLAYBACK", "LIVE");
            assertThat(entry.get("purpose").asString()).isEqualTo(purpose);
            assertThat(entry.get("who").asString()).startsWith("purpose.operator");
        });
        browser.manage().deleteAllCookies();
    }

    @Test
    void declining_to_say_why_opens_nothing() throws Exception {
        var fixtures = new PartnerFixtures(admin(), anonymous);
        long premises = fixtures.school();
        long camera = fixtures.camera(premises, fixtures.site(), List.of());
        var manager = fixtures.managerOf(premises);
        signInAsPeshawarOperator();

        browser.get(url("/video/playback?camera=" + camera));
        new WebDriverWait(browser, Chromium.PATIENCE).until(ExpectedConditions.alertIsPresent()).dismiss();
        new WebDriverWait(browser, Chromium.PATIENCE)
            .until(d -> "true".equals(d.findElement(By.id("playback")).getDomAttribute("data-loaded")));

        Thread.sleep(Duration.ofSeconds(1));
        assertThat(accessLog(manager, premises)).as("no purpose, no opening").isEmpty();
        browser.manage().deleteAllCookies();
    }
}

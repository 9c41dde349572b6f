package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;

/** The live alert feed and the vehicle search in a real Chromium. */
class AlertFeedInBrowserTest extends BrowserTest {

    private String signInAsOperator(String city) {
        browser.manage().deleteAllCookies();
        String username = Reporting.unique("browser.operator").replace(' ', '.').toLowerCase();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Browser operator",
            "password", password, "roles", List.of("OPERATOR", "INVESTIGATOR"), "cityCode", city));
        assertThat(created.status()).as("operator account: %s", created).isEqualTo(201);
        chromium.signIn(port, username, password);
        return username;
    }

    @Test
    void an_operator_sees_a_high_priority_alert_appear_within_two_seconds_of_the_matching_detection() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        signInAsOperator("MRD");
        browser.get(url("/alerts"));
        var table = browser.findElement(By.id("alerts"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> "true".equals(table.getDomAttribute("data-loaded"))
            && "true".equals(driver.findElement(By.id("feed-state")).getDomAttribute("data-live")));

        long posted = System.nanoTime();
        var answer = field.device().post("/api/v1/detections",
            Map.of("detections", List.of(Reporting.plateRead(field.cameraId(), plate, Instant.now()))));
        assertThat(answer.status()).isEqualTo(202);
        new WebDriverWait(browser, Duration.ofSeconds(2)).pollingEvery(Duration.ofMillis(25))
            .until(driver -> !driver.findElements(By.cssSelector("tr[data-plate='" + plate + "']")).isEmpty());
        Duration took = Duration.ofNanos(System.nanoTime() - posted);

        var row = browser.findElement(By.cssSelector("tr[data-plate='" + plate + "']"));
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(row.getDomAttribute("class")).contains("flash", "priority-high");
        assertThat(row.getText()).contains(plate, field.siteName(), "HIGH");
        assertThat(row.findElement(By.cssSelector("a.video-link")).getDomAttribute("href"))
            .as("the camera's video at the moment it read the plate").startsWith("/video/playback?camera=" + field.cameraId() + "&at=");
        chromium.screenshot("alerts-live");

        row.findElement(By.xpath(".//button[text()='Acknowledge']")).click();
        // the row is drawn anew when the answer comes back, so an element found a moment ago may be gone
        new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class).until(driver ->
            driver.findElement(By.cssSelector("tr[data-plate='" + plate + "'] .status")).getText().startsWith("Acknowledged"));
        assertThat(chromium.severeMessages()).isEmpty();
    }

    /** The camera and moment of a console playback link, e.g. {@code /video/playback?camera=7&at=2026-...Z}. */
    private static String moment(String href) {
        assertThat(href).startsWith("/video/playback?camera=");
        String query = href.substring(href.indexOf('?') + 1);
        String camera = query.replaceFirst("^camera=(\\d+)&at=.*$", "$1");
        String at = java.net.URLDecoder.decode(query.replaceFirst("^.*&at=", ""), java.nio.charset.StandardCharsets.UTF_8);
        return camera + "@" + Instant.parse(at);
    }

    private static String moment(long cameraId, Instant at) {
        return cameraId + "@" + at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Test
    void an_investigator_draws_a_vehicle_s_route_on_the_map() {
        String plate = Sightings.plate();
        var first = Reporting.camera(admin(), anonymous, "MRD", 34.20, 72.03);
        var second = Reporting.camera(admin(), anonymous, "MRD", 34.21, 72.05);
        Instant at = Instant.now().minusSeconds(600);
        first.device().post("/api/v1/detections", Map.of("detections", List.of(Reporting.plateRead(first.cameraId(), plate, at))));
        second.device().post("/api/v1/detections", Map.of("detections", List.of(Reporting.plateRead(second.cameraId(), plate, at.plusSeconds(90)))));
        signInAsOperator("MRD");

        browser.get(url("/vehicles"));
        browser.findElement(By.name("plate")).sendKeys(plate);
        browser.findElement(By.name("purpose")).sendKeys("FIR 33/2026 Mardan");
        browser.findElement(By.cssSelector("#vehicle-search button[type=submit]")).click();
        var map = browser.findElement(By.id("route-map"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "true".equals(map.getDomAttribute("data-loaded")));

        assertThat(map.getDomAttribute("data-points")).isEqualTo("2");
        assertThat(browser.findElements(By.cssSelector("#route-list li"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#route-list a.video-link")))
            .extracting(link -> moment(link.getDomAttribute("href")))
            .as("each sighting links to its camera's video at that moment")
            .containsExactly(moment(first.cameraId(), at), moment(second.cameraId(), at.plusSeconds(90)));
        assertThat(browser.findElements(By.cssSelector("#route-map path.leaflet-interactive"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chromium.severeMessages()).isEmpty();
        chromium.screenshot("vehicle-route");
    }

}

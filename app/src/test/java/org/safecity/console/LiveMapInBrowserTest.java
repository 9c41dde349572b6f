package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;

/**
 * The operations map as one live picture in a real Chromium: a unit with its call sign where its AVL
 * puts it, an alert on the map within two seconds of the detection, and from the alert the camera's
 * live video, its playback at the moment and an incident opened.
 */
class LiveMapInBrowserTest extends BrowserTest {

    private static WebDriverWait patiently(Duration duration) {
        return (WebDriverWait) new WebDriverWait(browser, duration).pollingEvery(Duration.ofMillis(25))
            .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void a_unit_moves_and_an_alert_arrives_on_the_map_and_opens_its_cameras_video_and_an_incident() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        String callSign = "MRD-MOB-" + (System.nanoTime() % 100_000);
        long unit = admin().post("/api/v1/units", Map.of("callSign", callSign, "type", "POLICE_CAR", "cityCode", "MRD")).json()
            .get("id").asLong();
        admin().post("/api/v1/units/" + unit + "/position", Map.of("lat", 34.1990, "lon", 72.0410));
        String username = Reporting.unique("browser.map").replace(' ', '.').toLowerCase();
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Map operator",
            "password", passwordOf(username), "roles", List.of("OPERATOR"), "cityCode", "MRD")).status()).isEqualTo(201);
        chromium.signIn(port, username, passwordOf(username));

        browser.get(url("/map?city=MRD"));
        patiently(Duration.ofSeconds(20)).until(driver -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-alerts-live")));
        patiently(Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector(".unit-call")).stream()
            .anyMatch(e -> e.getText().equals(callSign)));

        long posted = System.nanoTime();
        assertThat(field.device().post("/api/v1/detections",
            Map.of("detections", List.of(Reporting.plateRead(field.cameraId(), plate, Instant.now())))).status()).isEqualTo(202);
        patiently(Duration.ofSeconds(2)).until(driver -> !driver.findElements(By.cssSelector(".alert-marker[data-plate='" + plate + "']")).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(2));

        browser.findElement(By.cssSelector(".alert-marker[data-plate='" + plate + "']")).click();
        var details = browser.findElement(By.id("details"));
        patiently(Duration.ofSeconds(5)).until(driver -> details.getText().startsWith("ALERT"));
        assertThat(details.findElements(By.cssSelector(".tile[data-camera-id='" + field.cameraId() + "'] video")))
            .as("the camera's live video").hasSize(1);
        assertThat(details.findElement(By.linkText("Play back the moment")).getDomAttribute("href"))
            .startsWith("/video/playback?camera=" + field.cameraId() + "&at=");
        details.findElement(By.xpath(".//button[text()='Open incident']")).click();
        patiently(Duration.ofSeconds(5)).until((WebDriver driver) -> details.getText().contains("Escalated"));
        assertThat(chromium.severeMessages()).as("a camera without video says so on its tile, not in the log")
            .allMatch(m -> m.contains("live.m3u8") || m.contains("404"));
        chromium.screenshot("map-live");
    }
}

package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.SafeCityApi;
import org.safecity.partners.OnvifDeviceDouble;
import org.safecity.partners.OnvifDeviceDouble.PtzCommand;

/**
 * The PTZ controls of a live tile in a real Chromium, against a PTZ camera double: holding an arrow moves the
 * camera and letting go stops it; presets are recalled and saved. A camera that cannot be steered has no controls.
 * Screenshot in {@code target/screenshots}.
 */
class PtzInBrowserTest extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String CITY = "KHT";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private OnvifDeviceDouble device;
    private SafeCityApi operator;

    @BeforeEach
    void start() throws IOException {
        device = new OnvifDeviceDouble("wall-ptz", "Kohat wall 3", List.of(
            new OnvifDeviceDouble.Profile("ptz-main", "Main", "vs1", 1920, 1080, "rtsp://192.0.2.40:554/main")), "ptz-main")
            .withPreset("1", "Kohat Tunnel road");
        String username = "ptz.wall." + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "PTZ operator",
            "password", passwordOf(username), "roles", List.of("OPERATOR"), "cityCode", CITY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        operator = anonymous.signIn(username, passwordOf(username));
        chromium.signIn(port, username, passwordOf(username));
    }

    @AfterEach
    void stop() {
        device.close();
    }

    /** An installed camera of Kohat that streams nowhere: the controls do not depend on its picture. */
    private long camera(String type, String onvifAddress) {
        var site = admin().post("/api/v1/sites", Map.of("name", "PTZ wall site " + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
            "kind", "junction", "lat", 33.5889, "lon", 71.4412, "city", CITY, "phase", 4));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        var body = new HashMap<String, Object>(Map.of("siteId", site.json().get("id").asLong(),
            "name", "Kohat wall " + type + " " + SEQUENCE.incrementAndGet(), "make", "Hikvision", "model", "DS-2DE7A432IW-AEB",
            "resolution", "2560x1440", "type", type, "mainStream", "rtsp://10.70.2.11:554/Streaming/Channels/101",
            "installation", "INSTALLED", "credentials", Map.of("username", "wall-ptz", "password", "Kohat wall 3")));
        if (!type.equals("PTZ")) {
            body.put("heading", 180);
            body.put("fieldOfView", 70);
        }
        if (onvifAddress != null) {
            body.put("onvifAddress", onvifAddress);
        }
        var created = admin().post("/api/v1/cameras", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void until(String what, BooleanSupplier condition) {
        // the presets list is redrawn when it is read again: an option found a moment ago may be gone
        new WebDriverWait(browser, PATIENCE).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(driver -> condition.getAsBoolean());
    }

    private WebElement tile(long cameraId) {
        By tile = By.cssSelector("#wall .tile[data-camera-id='" + cameraId + "']");
        new WebDriverWait(browser, PATIENCE).until(driver -> !driver.findElements(tile).isEmpty());
        return browser.findElement(tile);
    }

    @Test
    void holding_an_arrow_moves_the_camera_letting_go_stops_it_and_presets_are_recalled_and_saved() {
        long ptz = camera("PTZ", device.deviceAddress());
        long fixed = camera("FIXED", device.deviceAddress());
        var layout = operator.post("/api/v1/wall-layouts", Map.of("name", "PTZ watch", "size", 4, "screens", 1,
            "tiles", List.of(Map.of("cameraId", ptz), Map.of("cameraId", fixed))));
        assertThat(layout.status()).as(layout.toString()).isEqualTo(201);

        browser.get(url("/video?layout=" + layout.json().get("id").asLong()));
        WebElement steered = tile(ptz);
        assertThat(tile(fixed).findElements(By.cssSelector("[data-ptz]"))).as("controls of a fixed camera").isEmpty();
        steered.findElement(By.cssSelector("[data-ptz='toggle']")).click();
        WebElement panel = steered.findElement(By.cssSelector(".ptz-panel"));
        until("the panel opens", panel::isDisplayed);
        until("the presets are listed", () -> !panel.findElements(By.cssSelector("select[data-ptz='presets'] option[value='1']")).isEmpty());

        new Actions(browser).clickAndHold(panel.findElement(By.cssSelector("[data-ptz='right']"))).perform();
        until("the camera is asked to pan right", () -> !device.ptz("ContinuousMove").isEmpty());
        assertThat(device.ptz("Stop")).as("no stop while the arrow is held").isEmpty();
        chromium.screenshot("ptz-controls");
        new Actions(browser).release().perform();
        until("the camera is stopped", () -> !device.ptz("Stop").isEmpty());

        assertThat(device.ptz("ContinuousMove").getFirst()).isEqualTo(new PtzCommand("ContinuousMove", "ptz-main", 0.5, 0.0, null, "PT4S", null, null));
        assertThat(device.ptz.getLast().operation()).isEqualTo("Stop");
        until("the operator is told", () -> steered.findElement(By.cssSelector(".ptz-status")).getText().equals("Stopped"));

        new Select(panel.findElement(By.cssSelector("select[data-ptz='presets']"))).selectByValue("1");
        panel.findElement(By.cssSelector("[data-ptz='go']")).click();
        until("the camera is turned to the preset", () -> device.ptz("GotoPreset").stream().anyMatch(c -> "1".equals(c.preset())));
        panel.findElement(By.cssSelector("[data-ptz='preset-name']")).sendKeys("Hangu road");
        panel.findElement(By.cssSelector("[data-ptz='save']")).click();
        until("the preset is saved", () -> device.presets().containsValue("Hangu road"));
        until("and listed", () -> panel.findElements(By.cssSelector("select[data-ptz='presets'] option")).stream()
            .anyMatch(option -> option.getText().equals("Hangu road")));
        assertThat(steered.getDomAttribute("class")).as("using the controls does not enlarge the tile").doesNotContain("enlarged");
    }

    @Test
    void the_camera_page_offers_the_controls_in_live_mode_and_holding_zoom_zooms_until_let_go() {
        long ptz = camera("PTZ", device.deviceAddress());

        browser.get(url("/video/playback?camera=" + ptz));
        until("the page is loaded", () -> "true".equals(browser.findElement(By.id("playback")).getDomAttribute("data-loaded")));
        WebElement toggle = browser.findElement(By.cssSelector("[data-ptz='toggle']"));
        assertThat(toggle.isDisplayed()).as("no controls over recorded video").isFalse();
        browser.findElement(By.id("mode-live")).click();
        until("the controls are offered live", toggle::isDisplayed);
        toggle.click();
        WebElement zoomIn = browser.findElement(By.cssSelector(".ptz-panel [data-ptz='zoom-in']"));
        until("the panel opens", zoomIn::isDisplayed);

        new Actions(browser).clickAndHold(zoomIn).perform();
        until("the camera is asked to zoom in", () -> !device.ptz("ContinuousMove").isEmpty());
        new Actions(browser).release().perform();
        until("the camera is stopped", () -> !device.ptz("Stop").isEmpty());

        assertThat(device.ptz("ContinuousMove").getFirst()).isEqualTo(new PtzCommand("ContinuousMove", "ptz-main", null, null, 0.5, "PT4S", null, null));
        browser.findElement(By.id("mode-playback")).click();
        assertThat(toggle.isDisplayed()).as("no controls over recorded video").isFalse();
    }
}

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.TestDatabase;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;

/**
 * The operations map as one live picture in a real Chromium: a unit with its call sign where its AVL
 * puts it, an alert on the map with its picture within two seconds of the detection, and from the alert
 * the camera's live video, its playback at the moment and an incident opened; a camera's video from its
 * marker; panic buttons; filters by city, zone and time; and the base map drawn from the build alone.
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
            Map.of("detections", List.of(Sightings.plateReadWithCrop(field.cameraId(), plate, Instant.now())))).status()).isEqualTo(202);
        patiently(Duration.ofSeconds(2)).until(driver -> !driver.findElements(
            By.cssSelector(".alert-marker[data-plate='" + plate + "']")).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - posted)).as("the alert on the map").isLessThan(Duration.ofSeconds(2));
        // its picture follows as soon as the server has it (read apart, so a slow picture never holds the alert back), however
        // many alerts the map already shows
        patiently(Duration.ofSeconds(10)).until(driver -> !driver.findElements(
            By.cssSelector(".alert-marker[data-plate='" + plate + "'] .alert-thumb[data-state='shown']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".alert-marker[data-plate='" + plate + "'] .alert-thumb")).getDomAttribute("data-source"))
            .isEqualTo("plate-crop");

        browser.findElement(By.cssSelector(".alert-marker[data-plate='" + plate + "']")).click();
        var details = browser.findElement(By.id("details"));
        patiently(Duration.ofSeconds(5)).until(driver -> details.getText().startsWith("ALERT"));
        var picture = details.findElement(By.cssSelector("figure.alert-thumb"));
        patiently(Duration.ofSeconds(5)).until(driver -> "shown".equals(picture.getDomAttribute("data-state")));
        assertThat((Long) browser.executeScript("return arguments[0].naturalWidth", picture.findElement(By.tagName("img"))))
            .as("the plate crop, decoded").isEqualTo(240L);
        assertThat(picture.findElement(By.tagName("figcaption")).getText()).as("the camera's name").contains(field.siteName());
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

    @Test
    void a_camera_on_the_map_opens_its_live_video() {
        // a city no other test draws on, so no alert, unit or panic button lies over the camera
        var karak = admin().get("/api/v1/cities").json().valueStream().filter(c -> c.get("code").asString().equals("KRK")).findFirst()
            .orElseThrow();
        var field = Reporting.camera(admin(), anonymous, "KRK", karak.get("lat").asDouble(), karak.get("lon").asDouble());
        chromium.signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);
        browser.get(url("/map?city=KRK"));
        patiently(Duration.ofSeconds(20)).until(driver -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
        var map = browser.findElement(By.id("map"));
        @SuppressWarnings("unchecked")
        var point = (Map<String, Long>) browser.executeScript("return window.SafeCityMap.cameraNearCentre()");
        assertThat(point).as("a camera is drawn (camera %s among them)", field.cameraId()).isNotNull();
        var size = map.getSize();
        new Actions(browser).moveToElement(map, (int) (point.get("x") - size.getWidth() / 2), (int) (point.get("y") - size.getHeight() / 2))
            .click().perform();
        var details = browser.findElement(By.id("details"));
        patiently(Duration.ofSeconds(5)).until(driver -> details.getText().startsWith("CAMERA"));
        details.findElement(By.id("camera-live")).click();
        patiently(Duration.ofSeconds(5)).until(driver -> !details.findElements(By.cssSelector(".map-video .tile video")).isEmpty());
        // the camera nearest the centre: this one, unless another test put a camera in Karak too
        assertThat(details.findElement(By.cssSelector(".map-video .tile")).getDomAttribute("data-camera-id")).isNotBlank();
    }

    @Test
    void filters_by_city_zone_and_time_window_hide_and_show_alerts_and_panic_buttons() {
        String fresh = Sightings.plate();
        String old = Sightings.plate();
        Sightings.listWith(admin(), fresh, false, "HIGH");
        Sightings.listWith(admin(), old, false, "MEDIUM");
        var field = Reporting.mardanCamera(admin(), anonymous);
        String zone = "MZ" + (System.nanoTime() % 1000);
        assertThat(admin().post("/api/v1/zones", Map.of("city", "MRD", "code", zone, "name", Reporting.unique("Map police station"),
            "lat", 34.21, "lon", 72.05)).status()).isEqualTo(201);
        long inZone = panicButton("MRD", zone, 34.2101, 72.0501);
        long elsewhere = panicButton("MRD", null, 34.1985, 72.0405);
        field.device().post("/api/v1/detections", Map.of("detections", List.of(Reporting.plateRead(field.cameraId(), fresh, Instant.now()),
            Reporting.plateRead(field.cameraId(), old, Instant.now().minus(Duration.ofHours(3))))));
        Sightings.awaitAlert(admin(), Sightings.forPlate(old), Duration.ofSeconds(5));
        Sightings.awaitAlert(admin(), Sightings.forPlate(fresh), Duration.ofSeconds(5));
        chromium.signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);

        browser.get(url("/map?city=MRD"));
        patiently(Duration.ofSeconds(20)).until(driver -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-alerts-live")));
        patiently(Duration.ofSeconds(10)).until(driver -> shown("[data-panic-id='" + inZone + "']") && shown("[data-panic-id='" + elsewhere + "']"));
        assertThat(shown(alert(fresh))).isTrue();
        assertThat(shown(alert(old))).isTrue();

        choose("since", "60");
        assertThat(shown(alert(fresh))).isTrue();
        assertThat(shown(alert(old))).as("seen three hours ago: outside the last hour").isFalse();
        choose("since", "1440");
        assertThat(shown(alert(old))).isTrue();

        patiently(Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector("select[name=zone] option[value='" + zone + "']")).size() == 1);
        choose("zone", zone);
        patiently(Duration.ofSeconds(5)).until(driver -> !shown("[data-panic-id='" + elsewhere + "']"));
        assertThat(shown("[data-panic-id='" + inZone + "']")).isTrue();
        assertThat(shown(alert(fresh))).as("its camera is in no zone of the filter").isFalse();

        choose("city", "PSH");
        patiently(Duration.ofSeconds(5)).until(driver -> !shown("[data-panic-id='" + inZone + "']"));
        assertThat(browser.findElement(By.cssSelector("select[name=zone]")).getDomProperty("value")).as("a zone belongs to its city").isEmpty();
        assertThat(shown(alert(fresh))).isFalse();
        assertThat(browser.getCurrentUrl()).contains("city=PSH").contains("since=1440");

        choose("city", "MRD");
        patiently(Duration.ofSeconds(5)).until(driver -> shown(alert(fresh)) && shown("[data-panic-id='" + elsewhere + "']"));
        assertThat(browser.findElement(By.cssSelector("[data-panic-id='" + elsewhere + "']")).getDomAttribute("data-pressed")).isEqualTo("false");
    }

    @Test
    void a_pressed_panic_button_lights_up_on_the_map() {
        var created = admin().post("/api/v1/panic-buttons", Map.of("premisesName", Reporting.unique("Bank on the map"), "premisesKind", "BANK",
            "address", "GT Road, Mardan", "location", Map.of("lat", 34.2012, "lon", 72.0444), "cityCode", "MRD")).json();
        String key = created.get("key").asString();
        long id = created.get("id").asLong();
        chromium.signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);
        browser.get(url("/map?city=MRD"));
        patiently(Duration.ofSeconds(20)).until(driver -> shown("[data-panic-id='" + id + "'][data-pressed='false']"));

        assertThat(anonymous.withToken(key).post("/api/v1/panic", Map.of("pressId", "map-" + id)).status()).isEqualTo(201);
        patiently(Duration.ofSeconds(10)).until(driver -> shown("[data-panic-id='" + id + "'][data-pressed='true']"));
        browser.findElement(By.cssSelector("[data-panic-id='" + id + "']")).click();
        assertThat(browser.findElement(By.id("details")).getText()).contains("PANIC BUTTON").contains("(open)");
    }

    @Test
    void the_base_map_draws_from_the_build_alone() {
        chromium.signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);
        browser.get(url("/map"));
        patiently(Duration.ofSeconds(20)).until(driver -> "offline".equals(driver.findElement(By.id("map")).getDomAttribute("data-base")));
        assertThat((Long) browser.executeScript("return window.SafeCityMap.baseFeaturesDrawn()")).as("countries around the province")
            .isGreaterThanOrEqualTo(5L);
        assertThat(colourAt(34.01, 71.58)).as("Peshawar, in Pakistan's land colour").isEqualTo(List.of(246L, 243L, 236L, 255L));
        assertThat(colourAt(34.25, 70.95)).as("Nangarhar, across the border").isEqualTo(List.of(228L, 225L, 217L, 255L));
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("Natural Earth");
        @SuppressWarnings("unchecked")
        var requested = (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requested).as("nothing from outside SafeCity").isNotEmpty().allMatch(name -> name.startsWith(url("/")));
        chromium.screenshot("map-base");
    }

    private List<Long> colourAt(double lat, double lon) {
        @SuppressWarnings("unchecked")
        var colour = (List<Long>) browser.executeScript("return window.SafeCityMap.baseColourAt(arguments[0], arguments[1])", lat, lon);
        return colour;
    }

    private long panicButton(String city, String zone, double lat, double lon) {
        var body = new java.util.HashMap<String, Object>(Map.of("premisesName", Reporting.unique("Map bank"), "premisesKind", "BANK",
            "address", "Mall Road, Mardan", "location", Map.of("lat", lat, "lon", lon), "cityCode", city));
        if (zone != null) {
            body.put("zoneCode", zone);
        }
        var created = admin().post("/api/v1/panic-buttons", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String alert(String plate) {
        return ".alert-marker[data-plate='" + plate + "']";
    }

    private boolean shown(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    private void choose(String filter, String value) {
        new Select(browser.findElement(By.cssSelector("#map-filters select[name=" + filter + "]"))).selectByValue(value);
        patiently(Duration.ofSeconds(10)).until(driver -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")));
    }
}

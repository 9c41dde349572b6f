package org.safecity.vision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.SafeCityApi;
import org.safecity.detections.Reporting;
import org.safecity.traffic.Roadside;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Point;
import org.safecity.vision.internal.VisionSettings;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The vision pages in a real Chromium: a camera's regions, lines and zones drawn with the mouse and
 * saved, a wrong plate read marked from the reads page, and the boxes of the camera's analysis drawn
 * over its live tile. Screenshots in {@code target/screenshots}.
 */
class VisionInBrowserTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    private ReportingFindings reporting;

    @Autowired
    private VisionSettings settings;

    @Autowired
    private WatchingCameras watching;

    /** A person of the city with these roles, signed in in the browser; answers the same person over the API. */
    private SafeCityApi signedIn(String city, String... roles) {
        String username = "vision.page." + ProcessHandle.current().pid() + "." + PEOPLE.incrementAndGet();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Vision " + username,
            "password", password, "roles", List.of(roles), "cityCode", city));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        chromium.signIn(port, username, password);
        return anonymous.signIn(username, password);
    }

    private void await(java.util.function.Function<org.openqa.selenium.WebDriver, Object> until) {
        // the reads page redraws its rows as reads arrive: a row found a moment ago may be replaced
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(until);
    }

    /** Clicks the drawing at a point given as fractions of the picture. */
    private void clickAt(WebElement drawing, double x, double y) {
        // the whole picture in view: a point below the window's edge would be clicked where the window ends
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", drawing);
        var size = drawing.getRect();
        new Actions(browser).moveToElement(drawing, (int) Math.round((x - 0.5) * size.width), (int) Math.round((y - 0.5) * size.height))
            .click().perform();
    }

    @Test
    void a_supervisor_draws_a_region_a_line_and_a_zone_on_the_camera_s_picture_and_saves_them() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var supervisor = signedIn("MRD", "SUPERVISOR");
        browser.get(url("/cameras/" + field.cameraId() + "/analytics"));
        await(driver -> "true".equals(driver.findElement(By.id("analytics")).getDomAttribute("data-loaded")));
        WebElement drawing = browser.findElement(By.id("drawing"));

        browser.findElement(By.name("plates")).click();
        browser.findElement(By.name("objects")).click();
        var rate = browser.findElement(By.name("framesPerSecond"));
        rate.clear();
        rate.sendKeys("3");
        browser.findElement(By.cssSelector("[data-tool='region']")).click();
        clickAt(drawing, 0.1, 0.3);
        clickAt(drawing, 0.9, 0.3);
        clickAt(drawing, 0.9, 0.95);
        clickAt(drawing, 0.1, 0.95);
        browser.findElement(By.id("finish-shape")).click();
        browser.findElement(By.cssSelector("[data-tool='line']")).click();
        clickAt(drawing, 0.05, 0.6);
        clickAt(drawing, 0.95, 0.6);
        browser.findElement(By.cssSelector("[data-tool='zone']")).click();
        clickAt(drawing, 0.2, 0.7);
        clickAt(drawing, 0.4, 0.7);
        clickAt(drawing, 0.3, 0.9);
        browser.findElement(By.id("finish-shape")).click();
        var direction = browser.findElement(By.name("line-direction"));
        direction.clear();
        direction.sendKeys("towards Saddar\t");
        var loitering = browser.findElement(By.name("rule-loitering"));
        loitering.sendKeys("90\t");
        assertThat(drawing.findElements(By.cssSelector("[data-kind]"))).hasSize(3);
        chromium.screenshot("camera-analytics-drawn");
        browser.findElement(By.id("save")).click();
        await(driver -> "1".equals(driver.findElement(By.id("analytics")).getDomAttribute("data-saved")));

        JsonNode saved = supervisor.get("/api/v1/cameras/" + field.cameraId() + "/analytics").json();
        assertThat(saved.get("plates").asBoolean()).isTrue();
        assertThat(saved.get("faces").asBoolean()).isFalse();
        assertThat(saved.get("objects").asBoolean()).isTrue();
        assertThat(saved.get("framesPerSecond").asDouble()).isEqualTo(3.0);
        assertThat(saved.get("regions").get(0).size()).isEqualTo(4);
        assertThat(saved.get("regions").get(0).get(2).get(0).asDouble()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(0.02));
        var line = saved.get("lines").get(0);
        assertThat(line.get("from").get(0).asDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.02));
        assertThat(line.get("to").get(1).asDouble()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));
        assertThat(line.get("direction").asString()).isEqualTo("towards Saddar");
        var zone = saved.get("zones").get(0);
        assertThat(zone.get("polygon").size()).isEqualTo(3);
        assertThat(zone.get("rules").get(0).get("seconds").asInt()).isEqualTo(90);
        await(driver -> driver.findElements(By.cssSelector("[data-fact='analysing']")).stream().anyMatch(e -> e.getText().equals("yes")));
        assertThat(browser.findElement(By.cssSelector("[data-fact='node']")).getText()).isEqualTo(WatchingCameras.NODE);
        chromium.screenshot("camera-analytics-saved");
        // the camera records nothing here: its missing snapshot is the only complaint
        assertThat(chromium.severeMessages()).allMatch(message -> message.contains("snapshot.jpg"));
    }

    @Test
    void an_operator_sees_the_camera_s_settings_but_cannot_draw_or_save() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        signedIn("MRD", "OPERATOR");
        browser.get(url("/cameras/" + field.cameraId() + "/analytics"));
        await(driver -> "true".equals(driver.findElement(By.id("analytics")).getDomAttribute("data-loaded")));

        assertThat(browser.findElement(By.id("save")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.cssSelector("[data-tool='line']")).isEnabled()).isFalse();
        browser.get(url("/cameras/" + Reporting.mardanCamera(admin(), anonymous).cameraId() + "/analytics"));
        signedIn("KHT", "OPERATOR");
        browser.get(url("/cameras/" + field.cameraId() + "/analytics"));
        await(driver -> "true".equals(driver.findElement(By.tagName("main")).getDomAttribute("data-not-found")));
        assertThat(browser.getPageSource()).contains("This page does not exist");
    }

    @Test
    void a_reviewer_marks_a_wrong_read_from_the_reads_page_and_an_investigator_adds_its_crop_to_a_case() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String plate = Roadside.plate();
        reporting.report(new CameraAnalysis(field.cameraId(), settings),
            VisionLaneTest.plateFindings(field.cameraId(), plate, new Point(0.5, 0.4), new Point(0.5, 0.45)), AnalyticsSettings.off());
        var reviewer = signedIn("MRD", "TRAFFIC_REVIEWER");

        browser.get(url("/vision/reads?camera=" + field.cameraId()));
        await(driver -> "true".equals(driver.findElement(By.id("reads")).getDomAttribute("data-loaded")));
        await(driver -> driver.findElement(By.cssSelector("#read-rows tr[data-read-id]")).getText().contains(plate));
        WebElement row = browser.findElement(By.cssSelector("#read-rows tr[data-read-id]"));
        assertThat(row.getText()).contains(plate, "91 %");
        await(driver -> ((Number) chromium.script("return document.querySelector('#read-rows img').naturalWidth")).intValue() > 0);
        row.findElement(By.name("mark-wrong")).click();
        row.findElement(By.name("right-text")).sendKeys("PR 4417");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        await(driver -> driver.findElement(By.cssSelector("#read-rows tr[data-read-id]")).getText().contains("Corrected: PR 4417"));
        chromium.screenshot("plate-reads-corrected");
        long readId = Long.parseLong(browser.findElement(By.cssSelector("#read-rows tr[data-read-id]")).getDomAttribute("data-read-id"));
        JsonNode read = reviewer.get("/api/v1/vision/reads?cameraId=" + field.cameraId()).json().get("items").get(0);
        assertThat(read.get("id").asLong()).isEqualTo(readId);
        assertThat(read.get("correction").get("text").asString()).isEqualTo("PR 4417");
        assertThat(read.get("correction").get("by").asString()).startsWith("vision.page.");

        var investigator = signedIn("MRD", "INVESTIGATOR");
        var opened = investigator.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() + "/2026", "policeStation",
            "City Mardan", "offence", "vehicle used in a snatching"));
        String caseId = opened.json().get("id").asString();
        browser.get(url("/vision/reads?camera=" + field.cameraId()));
        await(driver -> "true".equals(driver.findElement(By.id("reads")).getDomAttribute("data-loaded")));
        browser.findElement(By.name("add-to-case")).click();
        await(driver -> driver.findElements(By.cssSelector("select[name='case'] option")).size() > 1);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("case"))).selectByValue(caseId);
        browser.findElement(By.cssSelector(".read-actions button[type=submit]")).click();
        await(driver -> !driver.findElements(By.cssSelector("[data-item-id]")).isEmpty());
        String itemId = browser.findElement(By.cssSelector("[data-item-id]")).getDomAttribute("data-item-id");
        assertThat(investigator.get("/api/v1/cases/" + caseId).body()).contains(itemId);
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void the_boxes_of_the_camera_s_analysis_are_drawn_over_its_live_tile_and_its_live_view() {
        var operator = signedIn("PSH", "OPERATOR");
        long cameraId = operator.get("/api/v1/video/cameras?city=PSH").json().get("items").get(0).get("cameraId").asLong();
        // asked for again each time: the camera's recorder forgets the analysis of a camera with no analyser switched on
        var found = List.of(new CameraAnalysis.Box("plate", "PR 4417", 0.93, new PixelBox(600, 400, 120, 40)),
            new CameraAnalysis.Box("object", "car", 0.81, new PixelBox(500, 300, 320, 220)));
        Runnable seen = () -> watching.analysis(cameraId).lastBoxes = new CameraAnalysis.FrameBoxes(Instant.now(), 1280, 720, found);
        seen.run();
        // a wall of one tile showing the camera, saved for the operator as the wall saves it
        var wall = new java.util.HashMap<String, Object>();
        wall.put("name", "Vision " + cameraId);
        wall.put("size", 1);
        wall.put("screens", 1);
        wall.put("tiles", List.of(Map.of("cameraId", cameraId)));
        var saved = operator.post("/api/v1/wall-layouts", wall);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        browser.get(url("/video?layout=" + saved.json().get("id").asLong()));

        await(driver -> {
            seen.run(); // the camera keeps being analysed
            return driver.findElements(By.cssSelector(".tile[data-camera-id='" + cameraId + "'] canvas.detection-boxes[data-boxes='2']"))
                .size() == 1;
        });
        // something is drawn where the car is: the canvas holds coloured pixels, not only transparent ones
        Number painted = (Number) chromium.script("""
            const c = document.querySelector('canvas.detection-boxes');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;""");
        assertThat(painted.intValue()).isGreaterThan(100);
        chromium.screenshot("video-wall-detection-boxes");

        // the camera's own view: live, the same boxes over its picture
        browser.get(url("/video/playback?camera=" + cameraId));
        browser.findElement(By.id("mode-live")).click();
        await(driver -> {
            seen.run();
            return driver.findElements(By.cssSelector("#player-picture canvas.detection-boxes[data-boxes='2']")).size() == 1;
        });

        // the camera's analysis stopped half a minute ago: its boxes are no longer what the camera shows
        await(driver -> {
            watching.analysis(cameraId).lastBoxes = new CameraAnalysis.FrameBoxes(Instant.now().minusSeconds(30), 1280, 720, found);
            return driver.findElements(By.cssSelector("#player-picture canvas.detection-boxes[data-boxes='0']")).size() == 1;
        });
        browser.findElement(By.id("mode-playback")).click();
        assertThat(browser.findElements(By.cssSelector("#player-picture canvas.detection-boxes"))).as("recorded video: no boxes").isEmpty();
    }
}

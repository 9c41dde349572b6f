package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.RecordsVideo;
import org.safecity.SafeCityApi;

/**
 * The video wall and playback in a real Chromium, on the Peshawar demo cameras that record a
 * moving test pattern: a tile must be playing, its clock advancing and its pictures changing.
 * Screenshots in {@code target/screenshots}. It records as the video module's tests do ({@link RecordsVideo}),
 * so both run in one application.
 */
@RecordsVideo
class VideoWallInBrowserTest extends BrowserTest {

    private static final Duration STREAM_PATIENCE = Duration.ofSeconds(90);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private SafeCityApi operator;

    /** A Peshawar operator who also investigates (so can export to a case), signed in both in the browser and over the API. */
    private void signInAsPeshawarOperator() {
        String username = "video.wall." + ProcessHandle.current().pid() + "." + PEOPLE.incrementAndGet();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Wall operator",
            "password", password, "roles", List.of("OPERATOR", "INVESTIGATOR"), "cityCode", "PSH"));
        assertThat(created.status()).as("operator account: %s", created).isEqualTo(201);
        operator = anonymous.signIn(username, password);
        chromium.signIn(port, username, password);
        // the previous test's wall kept asking for video after its cookies were deleted: those refusals are not this test's
        chromium.severeMessages();
    }

    /** The first camera the operator may watch that records, once the demo feed has started it. */
    private long recordingCamera() {
        long deadline = System.nanoTime() + STREAM_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var cameras = operator.get("/api/v1/video/cameras?city=PSH");
            assertThat(cameras.status()).as(cameras.body()).isEqualTo(200);
            for (var camera : cameras.json().get("items")) {
                if (camera.get("recording").asBoolean() && operator.get("/api/v1/cameras/" + camera.get("cameraId").asLong()
                    + "/live.m3u8").status() == 200) {
                    return camera.get("cameraId").asLong();
                }
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("no demo camera of Peshawar started recording within " + STREAM_PATIENCE);
    }

    private String nameOf(long cameraId) {
        for (var camera : operator.get("/api/v1/video/cameras?city=PSH").json().get("items")) {
            if (camera.get("cameraId").asLong() == cameraId) {
                return camera.get("name").asString();
            }
        }
        throw new AssertionError("camera " + cameraId + " is not in the picker's list");
    }

    private void openEmptyWall() {
        // forgotten once the page has remembered what it found, so that it does not remember it again afterwards
        browser.get(url("/video"));
        wallLoaded();
        chromium.script("localStorage.clear()");
        browser.get(url("/video"));
        wallLoaded();
    }

    private void wallLoaded() {
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver ->
            "true".equals(driver.findElement(By.id("wall")).getDomAttribute("data-loaded")));
    }

    @Test
    void chromium_here_plays_h264_through_media_source_extensions() {
        signInAsPeshawarOperator();
        browser.get(url("/video"));

        assertThat(chromium.script("return MediaSource.isTypeSupported('video/mp4; codecs=\"avc1.42E01E\"')")).isEqualTo(true);
        assertThat(chromium.script("return Hls.isSupported()")).isEqualTo(true);
    }

    @Test
    void a_tile_of_the_wall_plays_the_live_moving_pictures_of_a_recording_demo_camera() {
        signInAsPeshawarOperator();
        long cameraId = recordingCamera();
        long opened = System.nanoTime();
        openEmptyWall();

        WebElement tile = playingTile(cameraId);
        Duration untilPlaying = Duration.ofNanos(System.nanoTime() - opened);
        Map<?, ?> first = videoState(tile);
        sleep(Duration.ofSeconds(3));
        Map<?, ?> later = videoState(tile);

        assertThat(((Number) later.get("width")).intValue()).as("videoWidth").isPositive();
        assertThat(((Number) later.get("time")).doubleValue() - ((Number) first.get("time")).doubleValue())
            .as("seconds played in 3 s").isGreaterThan(1.5);
        assertThat(later.get("frame")).as("the picture changes").isNotEqualTo(first.get("frame"));
        System.out.printf("video wall: live picture %.1f s after opening the wall, %.1f s behind the newest video buffered%n",
            untilPlaying.toMillis() / 1000.0, ((Number) later.get("behind")).doubleValue());
        assertThat(untilPlaying).as("from opening the wall to a moving picture").isLessThan(Duration.ofSeconds(30));
        assertThat(tile.getText()).contains("Snapshot", "Play back");
        var snapshot = operator.get(tile.findElement(By.linkText("Snapshot")).getDomAttribute("href"));
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.contentType()).isEqualTo("image/jpeg");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver ->
            "true".equals(tile.findElement(By.cssSelector(".tile-health")).getDomAttribute("data-online")));
        chromium.screenshot("video-wall-4");

        tile.findElement(By.tagName("video")).click();
        assertThat(tile.getDomAttribute("class")).contains("enlarged");
        chromium.screenshot("video-wall-enlarged");
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        assertThat(tile.getDomAttribute("class")).doesNotContain("enlarged");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void a_larger_wall_fills_its_new_tiles_and_keeps_its_layout_and_cameras_when_opened_again() {
        signInAsPeshawarOperator();
        long cameraId = recordingCamera();
        openEmptyWall();

        browser.findElement(By.cssSelector(".video-sizes button[data-size='9']")).click();
        WebElement wall = browser.findElement(By.id("wall"));
        assertThat(wall.getDomAttribute("data-size")).isEqualTo("9");
        assertThat(wall.findElements(By.cssSelector(":scope > .tile"))).hasSize(9);
        long recording = operator.get("/api/v1/video/cameras?city=PSH").json().get("items").valueStream()
            .filter(c -> c.get("recording").asBoolean()).count();
        assertThat(wall.findElements(By.cssSelector(":scope > .tile:not(.tile-empty)")))
            .as("the larger wall shows every recording camera it has room for").hasSize((int) Math.min(9, recording));
        // take the camera off its tile and put it back from the picker, found by searching
        WebElement tile = playingTile(cameraId);
        tile.findElement(By.cssSelector(".tile-remove")).click();
        browser.findElement(By.id("camera-search")).sendKeys(nameOf(cameraId));
        // the picker redraws its list as the search narrows and the wall saves: find and click it in one go
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            driver.findElements(By.cssSelector(".camera-pick[data-camera-id='" + cameraId + "']")).stream().findFirst()
                .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("not in the picker yet")).click();
            return true;
        });
        playingTile(cameraId);
        chromium.screenshot("video-wall-9");
        // what is opened again is what the server keeps: the pick saved (a warm stream may play before the save is sent)
        String layoutId = wall.getDomAttribute("data-layout-id");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> operator.get("/api/v1/wall-layouts/" + layoutId).json()
            .get("tiles").valueStream().anyMatch(t -> t.has("cameraId") && t.get("cameraId").asLong() == cameraId));

        browser.navigate().refresh();
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver ->
            "true".equals(driver.findElement(By.id("wall")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("wall")).getDomAttribute("data-size")).isEqualTo("9");
        playingTile(cameraId);
    }

    @Test
    void playback_shows_what_is_recorded_plays_it_and_exports_a_clip_for_download() {
        signInAsPeshawarOperator();
        long cameraId = recordingCamera();
        // enough recording on both sides of the moment for a ten-second clip
        sleep(Duration.ofSeconds(25));
        Instant at = Instant.now().minusSeconds(15);

        browser.get(url("/video/playback?camera=" + cameraId + "&at=" + at));
        WebElement page = browser.findElement(By.id("playback"));
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver -> "true".equals(page.getDomAttribute("data-loaded")));
        WebElement timeline = browser.findElement(By.id("timeline"));
        assertThat(Integer.parseInt(timeline.getDomAttribute("data-spans"))).as("recorded spans on the timeline").isPositive();
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver -> "playing".equals(page.getDomAttribute("data-state")));
        double started = ((Number) chromium.script("return document.getElementById('player').currentTime")).doubleValue();
        sleep(Duration.ofSeconds(2));
        double played = ((Number) chromium.script("return document.getElementById('player').currentTime")).doubleValue();
        assertThat(played - started).as("recorded video advances").isGreaterThan(1.0);
        String playingAt = page.getDomAttribute("data-playing-at");
        assertThat(Duration.between(at, Instant.parse(playingAt)).abs()).as("playing near the moment asked for").isLessThan(Duration.ofSeconds(15));
        chromium.screenshot("video-playback");

        // the clip form starts half a minute either side of the moment; ask for ten recorded seconds instead, for a case
        String caseId = operator.post("/api/v1/cases", Map.of("firNumber", "FIR " + ProcessHandle.current().pid() + "/" + PEOPLE.get(),
            "policeStation", "Hashtnagri", "offence", "snatching")).json().get("id").asString();
        setLocal("from", at.minusSeconds(5));
        setLocal("to", at.plusSeconds(5));
        browser.findElement(By.name("caseId")).sendKeys(caseId);
        browser.findElement(By.cssSelector("#clip-form button[type=submit]")).click();
        WebElement status = browser.findElement(By.id("clip-status"));
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver -> List.of("READY", "FAILED").contains(status.getDomAttribute("data-status")));
        assertThat(status.getDomAttribute("data-status")).as(status.getText()).isEqualTo("READY");
        String download = browser.findElement(By.id("clip-download")).getDomAttribute("href");
        var clip = operator.get(download);
        assertThat(clip.status()).isEqualTo(200);
        assertThat(clip.contentType()).contains("video/mp4");
        String item = browser.findElement(By.id("clip-evidence")).getDomAttribute("href");
        assertThat(item).as("the sealed evidence item of the case").startsWith("/evidence/items/");
        assertThat(operator.get("/api/v1/cases/" + caseId).body()).contains(item.substring(item.lastIndexOf('/') + 1));
        chromium.screenshot("video-clip-ready");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void an_incident_page_plays_its_nearest_recording_camera_and_links_each_nearby_camera_to_the_moment_it_opened() {
        signInAsPeshawarOperator();
        long cameraId = recordingCamera();
        var camera = admin().get("/api/v1/cameras/" + cameraId).json();
        var opened = admin().post("/api/v1/incidents", Map.of("type", "ROBBERY",
            "location", Map.of("lat", camera.get("lat").asDouble(), "lon", camera.get("lon").asDouble()),
            "description", "Shop robbed under the camera", "address", camera.get("siteName").asString(),
            "caller", Map.of("name", "Gul Khan", "number", "0300-1234567"), "cityCode", "PSH"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Instant openedAt = Instant.parse(opened.json().get("openedAt").asString());

        browser.get(url("/incidents/" + opened.json().get("id").asLong()));
        By tile = By.cssSelector("#nearby-wall .tile[data-camera-id='" + cameraId + "']");
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver -> driver.findElements(tile).stream()
            .anyMatch(t -> "playing".equals(t.getDomAttribute("data-state"))));
        Map<?, ?> first = videoState(browser.findElement(tile));
        sleep(Duration.ofSeconds(2));
        Map<?, ?> later = videoState(browser.findElement(tile));

        assertThat(((Number) later.get("time")).doubleValue()).isGreaterThan(((Number) first.get("time")).doubleValue());
        assertThat(browser.findElements(By.cssSelector("#nearby-wall .tile"))).hasSizeBetween(1, 4);
        assertThat(browser.findElements(By.cssSelector("#cameras a.video-link"))).extracting(link -> link.getDomAttribute("href"))
            .contains("/video/playback?camera=" + cameraId + "&at="
                + java.net.URLEncoder.encode(openedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString()
                    .replaceFirst("(:\\d{2})Z$", "$1.000Z"), java.nio.charset.StandardCharsets.UTF_8));
        chromium.screenshot("incident-nearby-video");
    }

    /** Types a Pakistan-time moment into a datetime-local field of the clip form. */
    private void setLocal(String field, Instant instant) {
        String local = instant.atZone(java.time.ZoneOffset.ofHours(5)).toLocalDateTime().withNano(0).toString();
        chromium.script("const f = document.querySelector('#clip-form [name=" + field + "]'); f.value = '" + local + "';");
    }

    private WebElement playingTile(long cameraId) {
        By tile = By.cssSelector("#wall .tile[data-camera-id='" + cameraId + "']");
        new WebDriverWait(browser, STREAM_PATIENCE).until(driver -> driver.findElements(tile).stream()
            .anyMatch(t -> "playing".equals(t.getDomAttribute("data-state"))));
        return browser.findElement(tile);
    }

    /** The tile video's clock, size, and a fingerprint of its current picture (drawn to a canvas). */
    private Map<?, ?> videoState(WebElement tile) {
        return (Map<?, ?>) browser.executeScript("""
            const video = arguments[0].querySelector('video');
            const canvas = document.createElement('canvas');
            canvas.width = 64; canvas.height = 36;
            const context = canvas.getContext('2d');
            context.drawImage(video, 0, 0, 64, 36);
            const pixels = context.getImageData(0, 0, 64, 36).data;
            let hash = 0;
            for (let i = 0; i < pixels.length; i += 1) hash = (hash * 31 + pixels[i]) | 0;
            const buffered = video.buffered.length ? video.buffered.end(video.buffered.length - 1) : video.currentTime;
            return { time: video.currentTime, width: video.videoWidth, frame: String(hash), behind: buffered - video.currentTime };
            """, tile);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's live tile over a real RTSP camera whose stream is cut and comes back: the tile
 * shows that the picture stopped and plays again by itself, with nobody touching the page.
 * (Beside the video tests because it needs their RTSP server; it drives the console's wall.)
 */
class LiveTileRecoveryInBrowserTest extends VideoTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Chromium chromium;
    private static RtspTestServer server;

    @Autowired
    private Ffmpeg ffmpeg;

    @BeforeAll
    static void openChromium() throws IOException {
        chromium = Chromium.open();
    }

    @AfterAll
    static void closeEverything() throws Exception {
        if (server != null) {
            server.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_wall_tile_whose_stream_is_cut_says_so_and_plays_again_when_the_stream_returns() throws Exception {
        RtspTestServer.assumeAvailable();
        server = new RtspTestServer(RtspTestServer.clip(ffmpeg, "clip-640x360", "640x360", 180, "1M"), List.of("/main"));
        server.start();
        long cameraId = camera(admin(), "MRD", 34.2101, 72.0601, server.url("/main"), null);
        String username = unique("tile.operator").replace(' ', '.').toLowerCase();
        String password = passwordOf(username);
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Tile operator", "password", password,
            "roles", List.of("OPERATOR"), "cityCode", "MRD")).status()).isEqualTo(201);
        var browser = chromium.browser();
        chromium.signIn(port, username, password);
        // a wall of one tile showing this camera, as the operator left it
        browser.get("http://127.0.0.1:" + port + "/css/video.css");
        chromium.script("localStorage.setItem('safecity.video.size', '1');"
            + "localStorage.setItem('safecity.video.cameras', JSON.stringify([" + cameraId + "]));");
        browser.get("http://127.0.0.1:" + port + "/video");
        By tile = By.cssSelector("#wall .tile[data-camera-id='" + cameraId + "']");

        waitUntil(browser, PATIENCE, driver -> moving(driver, tile));
        chromium.screenshot("video-tile-live");

        server.kill();
        long cut = System.nanoTime();
        waitUntil(browser, Duration.ofSeconds(40), driver -> !"playing".equals(driver.findElement(tile).getDomAttribute("data-state")));
        Duration noticed = Duration.ofNanos(System.nanoTime() - cut);
        waitUntil(browser, Duration.ofSeconds(30), driver ->
            "false".equals(driver.findElement(tile).findElement(By.cssSelector(".tile-health")).getDomAttribute("data-online")));
        assertThat(browser.findElement(tile).findElement(By.cssSelector(".tile-message")).getText()).isNotBlank();
        chromium.screenshot("video-tile-cut");

        server.start();
        long back = System.nanoTime();
        waitUntil(browser, PATIENCE, driver -> moving(driver, tile));
        System.out.printf("live tile: stopped picture shown %.1f s after the cut, moving again %.1f s after the stream returned%n",
            noticed.toMillis() / 1000.0, (System.nanoTime() - back) / 1e9);
        waitUntil(browser, Duration.ofSeconds(30), driver ->
            "true".equals(driver.findElement(tile).findElement(By.cssSelector(".tile-health")).getDomAttribute("data-online")));
        chromium.screenshot("video-tile-back");
    }

    /** Playing, and its clock moves over a second. */
    private static boolean moving(WebDriver driver, By tile) {
        if (!"playing".equals(driver.findElement(tile).getDomAttribute("data-state"))) {
            return false;
        }
        double before = clock(tile);
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return clock(tile) > before + 0.5;
    }

    private static double clock(By tile) {
        return ((Number) chromium.browser().executeScript("return arguments[0].querySelector('video').currentTime",
            chromium.browser().findElement(tile))).doubleValue();
    }

    private static void waitUntil(WebDriver browser, Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, timeout).until(condition);
    }
}

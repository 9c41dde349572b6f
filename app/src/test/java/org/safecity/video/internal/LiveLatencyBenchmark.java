package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.Chromium;
import org.safecity.video.internal.recording.RecordingBenchmark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Live video's delay from camera to screen, measured by a clock in the picture: a {@link ClockCamera}
 * (RTSP, 640x360, 25 frames/s, a key frame a second) recorded by the application as any camera is, and
 * played in headless Chromium by the console's own players, side by side on one page: the low-latency
 * path ({@code playLowLatency}, fragmented MP4 over WebSocket into Media Source Extensions) and the HLS
 * fallback ({@code playHls}, with the production's 2 s live segments). For each, the delay of every frame shown
 * over the run (the moment Chromium composited it, less the time in its picture), median and p95, and
 * their ratio. Not part of the suite (its name does not end in Test); run it with
 *
 * <pre>SAFECITY_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres SAFECITY_DB_USER=postgres \
 * mvn -B -o -pl app verify -Dtest=LiveLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsafecity.bench.seconds=30</pre>
 *
 * The figures are printed to the test's output ({@code app/target/surefire-reports/...-output.txt}).
 */
@TestPropertySource(properties = "safecity.video.live-segment-length=2s")
class LiveLatencyBenchmark extends VideoTest {

    @Autowired
    private Ffmpeg ffmpeg;

    @Autowired
    private VideoSettings settings;

    @Test
    void live_delay_camera_to_screen_low_latency_and_hls() throws Exception {
        int seconds = Integer.getInteger("safecity.bench.seconds", 30);
        try (var chromium = Chromium.open(); var clock = new ClockCamera(ffmpeg)) {
            clock.start();
            long camera = camera(admin(), "MRD", 34.2121, 72.0621, clock.url(), null);
            String username = unique("latency.bench").replace(' ', '.').toLowerCase();
            String password = passwordOf(username);
            assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Latency bench",
                "password", password, "roles", List.of("OPERATOR"), "cityCode", "MRD")).status()).isEqualTo(201);
            var operator = anonymous.signIn(username, password);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (operator.get("/api/v1/cameras/" + camera + "/live.m3u8").status() != 200) {
                assertThat(System.nanoTime()).as("camera recorded").isLessThan(deadline);
                Thread.sleep(500);
            }
            Thread.sleep(settings.liveSegmentLength().multipliedBy(settings.liveSegments()).toMillis()); // a full live playlist
            var browser = chromium.browser();
            chromium.signIn(port, username, password);
            // the wall page, with hls.js, and no tile of its own
            browser.get("http://127.0.0.1:" + port + "/css/video.css");
            chromium.script("localStorage.setItem('safecity.video.size', '1'); localStorage.setItem('safecity.video.cameras', '[]');");
            browser.get("http://127.0.0.1:" + port + "/video");
            var results = new LinkedHashMap<String, List<Long>>();
            for (String path : List.of("low-latency", "hls")) {
                WebElement video = play(chromium, path, camera);
                Thread.sleep(5_000); // settled
                results.put(path, LowLatencyLiveTest.delays(chromium, video, seconds));
                chromium.script("window.benchPlayer.stop(); document.getElementById('bench').remove();");
            }
            System.out.printf("live delay, camera to screen (%d s each, %s, %d cores, live segments %s s; load average %s)%n", seconds,
                RecordingBenchmark.cpuModel(), Runtime.getRuntime().availableProcessors(), settings.liveSegmentLength().toMillis() / 1000.0,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
            results.forEach((path, delays) -> System.out.printf("  %-12s frames read %4d  median %5d ms  p95 %5d ms%n", path,
                delays.size(), median(delays), p95(delays)));
            System.out.printf("  median ratio low-latency / hls: %.2f%n", (double) median(results.get("low-latency")) / median(results.get("hls")));
        }
    }

    /** A video element on the page played by the console's player for that path. */
    private static WebElement play(Chromium chromium, String path, long camera) {
        chromium.browser().executeAsyncScript("""
            const [path, camera, done] = arguments;
            const video = document.createElement('video');
            video.id = 'bench'; video.muted = true; video.autoplay = true; video.width = 640; video.height = 360;
            document.body.prepend(video);
            import('/js/video.js').then((players) => {
              window.benchPlayer = path === 'hls'
                ? players.playHls(video, players.liveSource(camera), { live: true })
                : players.playLowLatency(video, players.liveSocketSource(camera), {});
              done();
            });
            """, path, camera);
        new WebDriverWait(chromium.browser(), Duration.ofSeconds(60)).until(driver ->
            "playing".equals(driver.findElement(By.id("bench")).getDomAttribute("data-state")));
        return chromium.browser().findElement(By.id("bench"));
    }

    private static long median(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static long p95(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}

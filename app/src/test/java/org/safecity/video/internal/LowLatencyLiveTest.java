package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.Chromium;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The low-latency live path (fragmented MP4 over WebSocket into Media Source Extensions) on a real RTSP
 * camera whose picture carries the time it was taken ({@link ClockCamera}): who may open the socket,
 * what it sends, and a wall tile in Chromium playing it within a (generous) bound of the camera's clock.
 * The figures themselves come from {@link LiveLatencyBenchmark}.
 */
class LowLatencyLiveTest extends VideoTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Chromium chromium;
    private static ClockCamera clock;
    private static long cameraId;

    @Autowired
    private Ffmpeg ffmpeg;

    @BeforeAll
    static void openChromium() throws IOException {
        chromium = Chromium.open();
    }

    @AfterAll
    static void closeEverything() throws Exception {
        if (clock != null) {
            clock.close();
            clock = null;
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The clock camera, in Mardan, recorded by this application. */
    private long clockCamera() throws IOException {
        if (clock == null) {
            clock = new ClockCamera(ffmpeg);
            clock.start();
            cameraId = camera(admin(), "MRD", 34.2111, 72.0611, clock.url(), null);
        }
        return cameraId;
    }

    @Test
    void the_live_socket_opens_as_the_live_playlist_does_and_sends_the_codec_the_initialisation_and_fragments_from_a_key_frame()
        throws Exception {
        long camera = clockCamera();
        var operator = as("MRD", Role.OPERATOR);
        awaitLive(operator, camera);

        assertThat(handshakeStatus(null, camera, null)).as("without an account").isEqualTo(401);
        assertThat(handshakeStatus(as("PSH", Role.OPERATOR), camera, null)).as("outside the jurisdiction").isEqualTo(404);
        assertThat(handshakeStatus(as("MRD", Role.TRAFFIC_REVIEWER), camera, null)).as("a role that watches no video").isEqualTo(403);
        assertThat(handshakeStatus(operator, camera, "http://evil.example")).as("from another site's page").isEqualTo(403);
        assertThat(handshakeStatus(operator, 999_999_999L, null)).isEqualTo(404);
        var plain = operator.get("/api/v1/cameras/" + camera + "/live.mp4");
        assertThat(plain.status()).as("a request that is not a WebSocket").isEqualTo(400);
        assertThat(plain.isProblem()).isTrue();

        var messages = new LinkedBlockingQueue<Object>();
        WebSocket socket = open(operator, camera, null, messages).join();
        try {
            Object codec = messages.poll(20, TimeUnit.SECONDS);
            assertThat(codec).isInstanceOf(String.class);
            assertThat((String) codec).matches("\\{\"codec\":\"avc1\\.42[0-9a-f]{4}\"}");
            byte[] init = (byte[]) messages.poll(10, TimeUnit.SECONDS);
            assertThat(new String(init, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            assertThat(new String(init, StandardCharsets.ISO_8859_1)).contains("moov", "avcC");
            var fragments = new ArrayList<byte[]>();
            while (fragments.size() < 50) {
                fragments.add((byte[]) messages.poll(10, TimeUnit.SECONDS));
            }
            assertThat(fragments).allSatisfy(f -> {
                assertThat(new String(f, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("moof");
                assertThat(new String(f, StandardCharsets.ISO_8859_1)).contains("mdat");
            });
            assertThat(containsIdr(fragments.getFirst())).as("the first fragment a viewer gets is a key frame").isTrue();
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void a_wall_tile_plays_the_camera_over_the_low_latency_path_within_three_seconds_of_the_camera() throws Exception {
        long camera = clockCamera();
        String username = unique("low.latency").replace(' ', '.').toLowerCase();
        String password = passwordOf(username);
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Wall operator", "password", password,
            "roles", List.of("OPERATOR"), "cityCode", "MRD")).status()).isEqualTo(201);
        awaitLive(anonymous.signIn(username, password), camera);
        var browser = chromium.browser();
        chromium.signIn(port, username, password);
        browser.get("http://127.0.0.1:" + port + "/css/video.css");
        chromium.script("localStorage.setItem('safecity.video.size', '1');"
            + "localStorage.setItem('safecity.video.cameras', JSON.stringify([" + camera + "]));");
        chromium.severeMessages(); // what the stylesheet opened on its own logged is not the wall's
        browser.get("http://127.0.0.1:" + port + "/video");
        By tile = By.cssSelector("#wall .tile[data-camera-id='" + camera + "']");
        new WebDriverWait(browser, PATIENCE).until(driver -> "playing".equals(driver.findElement(tile).getDomAttribute("data-state")));
        WebElement video = browser.findElement(tile).findElement(By.tagName("video"));

        assertThat(video.getDomAttribute("data-path")).isEqualTo("low-latency");
        var delays = delays(chromium, video, 4);
        chromium.screenshot("video-tile-low-latency");
        assertThat(delays).as("frames whose clock was read (few on a loaded machine)").hasSizeGreaterThanOrEqualTo(5);
        long median = delays.get(delays.size() / 2);
        System.out.printf("low-latency tile: %d frames read, delay median %d ms, p95 %d ms%n", delays.size(), median,
            delays.get(Math.min(delays.size() - 1, (int) (delays.size() * 0.95))));
        assertThat(median).as("camera to screen, ms (median)").isLessThan(3_000);
        assertThat(chromium.severeMessages()).isEmpty();
    }

    /** The delays (ms, sorted) of the frames a video element shows over some seconds, read from their pictures. */
    static List<Long> delays(Chromium chromium, WebElement video, int seconds) {
        chromium.browser().manage().timeouts().scriptTimeout(Duration.ofSeconds(seconds + 30L));
        var read = (List<?>) chromium.browser().executeAsyncScript(ClockCamera.READ_FRAME_SCRIPT, video, seconds);
        return read.stream().map(n -> ((Number) n).longValue()).sorted().toList();
    }

    private void awaitLive(SafeCityApi operator, long camera) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (operator.get("/api/v1/cameras/" + camera + "/live.m3u8").status() != 200) {
            assertThat(System.nanoTime()).as("camera %d recorded", camera).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private int handshakeStatus(SafeCityApi who, long camera, String origin) {
        try {
            open(who, camera, origin, new LinkedBlockingQueue<>()).join().abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private CompletableFuture<WebSocket> open(SafeCityApi who, long camera, String origin, LinkedBlockingQueue<Object> messages) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (who != null && who.token() != null) {
            builder.header("Authorization", "Bearer " + who.token());
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/cameras/" + camera + "/live.mp4"), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    messages.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    messages.add(binary.toByteArray());
                    binary = new java.io.ByteArrayOutputStream();
                }
                webSocket.request(1);
                return null;
            }
        });
    }

    /** Whether a fragment's mdat holds an IDR picture (4-byte NAL lengths, as FFmpeg writes them). */
    private static boolean containsIdr(byte[] fragment) {
        String text = new String(fragment, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("mdat") + 4;
        while (at + 4 < fragment.length) {
            int length = ByteBuffer.wrap(fragment, at, 4).getInt();
            if (length <= 0) {
                return false;
            }
            if ((fragment[at + 4] & 0x1f) == 5) {
                return true;
            }
            at += 4 + length;
        }
        return false;
    }
}

package org.safecity.video.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.identity.Role;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.RtspTestServer;
import org.safecity.video.internal.VideoTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A camera's analytics switched on through the API: its recording FFmpeg starts decoding frames for
 * vision, which shows them to the models while every segment is still recorded; a watched plate on a
 * car driving past (the demo's street scene, streamed over RTSP) is read and raises an alert.
 */
class AnalysedCameraTest extends VideoTest {

    private static RtspTestServer server;
    private static long cameraId;

    @Autowired
    private Ffmpeg ffmpeg;

    @Autowired
    private DemoFeed demo;

    @BeforeEach
    void streaming() throws IOException {
        RtspTestServer.assumeAvailable();
        if (server == null) {
            Path clip = RtspTestServer.clip(ffmpeg, "clip-640x360", "640x360", 180, "1M");
            server = new RtspTestServer(clip, List.of("/analysed"));
            server.start();
            cameraId = camera(admin(), "MRD", 34.2101, 72.0601, server.url("/analysed"), null);
        }
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void switching_analytics_on_decodes_frames_for_the_models_and_loses_no_recorded_segment() throws InterruptedException {
        var operator = as("MRD", Role.OPERATOR);
        String status = "/api/v1/cameras/" + cameraId + "/analytics/status";
        RecordingRealStreamsTest.waitFor(() -> operator.get("/api/v1/cameras/" + cameraId + "/health").json(), h -> h.get("online").asBoolean(),
            Duration.ofSeconds(30));
        assertThat(operator.get(status).json().get("framesReceived").asLong()).as("nothing decoded while analytics are off").isZero();

        var set = as("MRD", Role.SUPERVISOR).put("/api/v1/cameras/" + cameraId + "/analytics",
            Map.of("objects", true, "framesPerSecond", 2));
        assertThat(set.status()).isEqualTo(200);
        Instant on = Instant.now();
        JsonNode analysed = RecordingRealStreamsTest.waitFor(() -> operator.get(status).json(), s -> s.get("framesAnalysed").asLong() >= 6, Duration.ofSeconds(60));
        Thread.sleep(9_000);
        Instant until = Instant.now().minusSeconds(3); // the segment still open is not listed yet

        assertThat(analysed.get("analysing").asBoolean()).isTrue();
        assertThat(analysed.path("lastError").asString(null)).as(analysed.toString()).isNull();
        assertThat(analysed.get("lastAnalysisMillis").asDouble()).isPositive();
        assertThat(analysed.get("motionShare").asDouble()).as("the test pattern moves all the time").isGreaterThan(0.5);
        var recordings = operator.get("/api/v1/cameras/" + cameraId + "/recordings?from=" + on.plusSeconds(5) + "&to=" + until).json();
        assertThat(recordings.get("gaps").size()).as("no gap: %s", recordings).isZero();
        assertThat(recordings.get("items").size()).isGreaterThanOrEqualTo(2);

        as("MRD", Role.ADMIN).put("/api/v1/cameras/" + cameraId + "/analytics", Map.of("objects", false));
        assertThat(operator.get(status).json().get("analysing").asBoolean()).isFalse();
    }

    @Test
    void a_watched_plate_on_a_car_driving_past_a_real_camera_raises_an_alert() throws Exception {
        RtspTestServer.assumeAvailable();
        // the demo's street scene (cars towards the camera, readable plates, one every 6 s), three loops
        var placeholder = new org.safecity.registry.CameraSummary(0, "street", 0, "street", "MRD", null, 4,
            org.safecity.registry.CameraType.FIXED, org.safecity.registry.CameraInstallation.INSTALLED, null, null, null, null, null);
        demo.prepare(placeholder, 2);
        Path scene = demo.clipFor(0, 2);
        Path looped = scene.resolveSibling("street-looped.ts");
        ffmpeg.run(List.of("-hide_banner", "-loglevel", "error", "-y", "-stream_loop", "2", "-i", scene.toString(), "-c", "copy",
            looped.toString()), 120);
        String plate = "PR 4417";
        org.safecity.alerts.Sightings.listWith(admin(), plate, false, "HIGH");
        try (var street = new RtspTestServer(looped, List.of("/street"))) {
            street.start();
            long camera = camera(admin(), "MRD", 34.2121, 72.0621, street.url("/street"), null);
            var set = admin().put("/api/v1/cameras/" + camera + "/analytics", Map.of("plates", true, "framesPerSecond", 2,
                "lines", List.of(Map.of("name", "road", "from", List.of(0.05, 0.6), "to", List.of(0.95, 0.6), "direction", "inbound"))));
            assertThat(set.status()).isEqualTo(200);

            var alert = org.safecity.alerts.Sightings.awaitAlert(admin(),
                a -> "PR4417".equals(a.path("plate").asString("")) && a.path("cameraId").asLong() == camera, Duration.ofSeconds(120));

            var operator = as("MRD", Role.OPERATOR);
            var status = operator.get("/api/v1/cameras/" + camera + "/analytics/status").json();
            assertThat(status.get("plateReads").asLong()).as(status.toString()).isGreaterThanOrEqualTo(1);
            assertThat(alert.get("type").asString()).isEqualTo("WATCHLIST_HIT");
            assertThat(alert.get("plateRead").asString()).isEqualTo(plate);
        }
    }
}

package org.safecity.video.internal;

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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A camera's analytics switched on through the API: its recording FFmpeg starts decoding frames for
 * vision, which shows them to the people and vehicle finder, while every segment is still recorded.
 */
class AnalysedCameraTest extends VideoTest {

    private static RtspTestServer server;
    private static long cameraId;

    @Autowired
    private Ffmpeg ffmpeg;

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
}

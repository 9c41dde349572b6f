package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.video.internal.recording.RecordingRealStreamsTest.waitFor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.alerts.Sightings;
import org.safecity.identity.Role;
import org.safecity.video.CameraStills;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The picture of an alert that carries none of its own is the camera's recorded picture at the moment:
 * from the recorded segment that holds it, or from the live segment while that is still being written.
 */
class AlertFrameTest extends VideoTest {

    @Autowired
    CameraStills stills;
    @TempDir
    Path folder;

    private long recordedDemoCamera() {
        var operator = as("PSH", Role.OPERATOR);
        JsonNode list = waitFor(() -> operator.get("/api/v1/video/cameras?city=PSH&limit=1").json(),
            l -> l.get("items").get(0).get("recording").asBoolean(), Duration.ofSeconds(60));
        long camera = list.get("items").get(0).get("cameraId").asLong();
        waitFor(() -> operator.get("/api/v1/cameras/" + camera + "/recordings").json(), r -> !r.path("items").isEmpty(), Duration.ofSeconds(90));
        return camera;
    }

    @Test
    void a_moment_of_a_recorded_segment_is_one_jpeg_as_wide_as_asked() throws IOException {
        long camera = recordedDemoCamera();
        JsonNode segment = as("PSH", Role.OPERATOR).get("/api/v1/cameras/" + camera + "/recordings").json().get("items").get(0);
        Instant inside = Instant.parse(segment.get("start").asString()).plusMillis(500);

        byte[] jpeg = stills.at(camera, inside, 320).orElseThrow();
        var picture = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(stills.at(camera, Instant.parse("2020-01-01T00:00:00Z"), 320)).as("never recorded").isEmpty();
    }

    @Test
    void an_analytic_alert_on_a_recorded_camera_shows_the_camera_s_frame_at_the_moment() throws IOException {
        long camera = recordedDemoCamera();
        var device = anonymous.withToken(admin().post("/api/v1/devices", Map.of("name", unique("Analytics box"), "cameraIds", List.of(camera)))
            .json().get("key").asString());
        assertThat(device.post("/api/v1/detections", Map.of("detections", List.of(Map.of("eventId", java.util.UUID.randomUUID().toString(),
            "cameraId", camera, "observedAt", Instant.now().minusSeconds(3).toString(), "kind", "analytic",
            "analytic", Map.of("type", "fight", "confidence", 0.8))))).status()).isEqualTo(202);
        var operator = as("PSH", Role.OPERATOR);
        long id = Sightings.awaitAlert(operator, a -> a.get("cameraId").asLong() == camera && "fight".equals(a.path("analytic").asString("")),
            Duration.ofSeconds(5)).get("id").asLong();

        Path file = folder.resolve("frame.jpg");
        var shown = waitFor(() -> operator.download("/api/v1/alerts/" + id + "/thumbnail", file), r -> r.status() != 204, Duration.ofSeconds(20));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.headers().get("x-thumbnail-source")).isEqualTo("camera-frame");
        var picture = ImageIO.read(Files.newInputStream(file));
        assertThat(picture.getWidth()).isBetween(64, 480);
    }
}

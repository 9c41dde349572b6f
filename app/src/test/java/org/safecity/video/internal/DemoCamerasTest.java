package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.video.internal.recording.RecordingRealStreamsTest.waitFor;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

/** With the Peshawar demo, the first demo cameras (two in these tests) show a looping test pattern, recorded and live. */
class DemoCamerasTest extends VideoTest {

    @Test
    void the_first_demo_cameras_are_recorded_and_live_from_a_looping_test_pattern_and_an_admin_may_switch_one_off() {
        var operator = as("PSH", Role.OPERATOR);
        // the clips are encoded once, when recording starts
        JsonNode list = waitFor(() -> operator.get("/api/v1/video/cameras?city=PSH&limit=5").json(),
            l -> l.get("items").get(1).get("recording").asBoolean(), Duration.ofSeconds(60));
        assertThat(list.get("total").asInt()).as("installed demo cameras").isGreaterThan(500);
        JsonNode first = list.get("items").get(0);
        assertThat(first.get("recording").asBoolean()).isTrue();
        assertThat(list.get("items").get(1).get("recording").asBoolean()).isTrue();
        assertThat(list.get("items").get(2).get("recording").asBoolean()).as("only two demo cameras in tests").isFalse();
        assertThat(first.get("hasSubStream").asBoolean()).isTrue();
        assertThat(first.get("name").asString()).isNotBlank();
        long camera = first.get("cameraId").asLong();

        JsonNode health = waitFor(() -> operator.get("/api/v1/cameras/" + camera + "/health").json(),
            h -> h.get("online").asBoolean() && h.get("fps").isNumber(), Duration.ofSeconds(60));
        assertThat(health.get("fps").asDouble()).isBetween(20.0, 30.0);
        assertThat(operator.get("/api/v1/cameras/" + camera + "/live.m3u8").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/cameras/" + camera + "/recordings").json().get("items").size()).isPositive();

        long second = list.get("items").get(1).get("cameraId").asLong();
        assertThat(operator.put("/api/v1/cameras/" + second + "/recording", java.util.Map.of("enabled", false)).status()).isEqualTo(403);
        var off = admin().put("/api/v1/cameras/" + second + "/recording", java.util.Map.of("enabled", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(operator.get("/api/v1/cameras/" + second + "/health").json().get("recording").asBoolean()).isFalse();
        assertThat(operator.get("/api/v1/cameras/" + second + "/live.m3u8").status()).isEqualTo(404);
        assertThat(admin().put("/api/v1/cameras/" + second + "/recording", java.util.Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/cameras/" + second + "/health").json().get("recording").asBoolean()).isTrue();

        long notRecorded = list.get("items").get(2).get("cameraId").asLong();
        var live = operator.get("/api/v1/cameras/" + notRecorded + "/live.m3u8");
        assertThat(live.status()).isEqualTo(404);
        assertThat(live.isProblem()).isTrue();
    }
}

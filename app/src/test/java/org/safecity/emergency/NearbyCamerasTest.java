package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An incident in Peshawar shows the demo network's cameras around it, those facing it first. */
class NearbyCamerasTest extends IntegrationTest {

    private static final GeoPoint PESHAWAR = new GeoPoint(34.0080, 71.5785);

    @Autowired
    CameraDirectory directory;

    @Test
    void the_cameras_within_the_radius_are_shown_facing_ones_first_then_by_distance() {
        CameraSummary camera = directory.near(PESHAWAR, 10_000).stream()
            .filter(c -> c.heading() != null && c.fieldOfView() != null && c.installation().isInstalled())
            .findFirst().orElseThrow(() -> new AssertionError("the Peshawar demo has cameras with a heading"));
        GeoPoint inView = camera.location().offset(60, camera.heading());
        var body = Scene.incidentBody("ROBBERY", inView);
        body.put("cityCode", "PSH");

        JsonNode incident = as("PSH", Role.OPERATOR).post("/api/v1/incidents", body).json();
        var cameras = incident.get("nearbyCameras");

        assertThat(cameras).isNotEmpty();
        JsonNode chosen = cameras.valueStream().filter(c -> c.get("id").asLong() == camera.id()).findFirst().orElseThrow();
        assertThat(chosen.get("facing").asBoolean()).isTrue();
        assertThat(chosen.get("distanceMetres").asDouble()).isCloseTo(60, org.assertj.core.data.Offset.offset(1.0));
        var facing = cameras.valueStream().map(c -> c.get("facing").asBoolean()).toList();
        assertThat(facing.indexOf(false) == -1 || facing.subList(facing.indexOf(false), facing.size()).stream().noneMatch(f -> f))
            .as("facing cameras come first: " + facing).isTrue();
        for (boolean group : new boolean[] {true, false}) {
            var distances = cameras.valueStream().filter(c -> c.get("facing").asBoolean() == group)
                .map(c -> c.get("distanceMetres").asDouble()).toList();
            assertThat(distances).as("distances of the " + (group ? "facing" : "other") + " cameras").isSorted()
                .allMatch(d -> d <= 300);
        }
        var expected = directory.near(inView, 300).stream().filter(c -> c.installation().isInstalled()).toList();
        assertThat(cameras).hasSize(expected.size());
        assertThat(incident.get("zoneCode").asString()).as("the zone of the nearest site").isEqualTo(expected.getFirst().zoneCode());
    }
}

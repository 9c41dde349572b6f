package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

@Import(CameraDirectoryTest.Events.class)
class CameraDirectoryTest extends IntegrationTest {

    @TestConfiguration
    static class Events {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CameraInstallationChanged event) {
            received.add(event);
        }

        @EventListener
        void on(CameraRetired event) {
            received.add(event);
        }
    }

    @Autowired
    CameraDirectory directory;

    @Autowired
    Events events;

    @Test
    void an_installation_change_is_published_as_an_event() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        long id = Network.camera(admin(), body);
        body.put("installation", "FAULTY");

        admin().put("/api/v1/cameras/" + id, body);

        assertThat(events.received).anySatisfy(e -> {
            assertThat(e).isInstanceOf(CameraInstallationChanged.class);
            var changed = (CameraInstallationChanged) e;
            assertThat(changed.cameraId()).isEqualTo(id);
            assertThat(changed.from()).isEqualTo(CameraInstallation.PLANNED);
            assertThat(changed.to()).isEqualTo(CameraInstallation.FAULTY);
        });
    }

    @Test
    void a_planned_camera_heard_from_is_found_installed_and_its_last_seen_moves_forward_only() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "ANPR");
        long id = Network.camera(admin(), body);
        Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        directory.markSeen(id, seen);
        directory.markSeen(id, seen.minusSeconds(600));

        var camera = directory.find(id).orElseThrow();
        assertThat(camera.installation()).isEqualTo(CameraInstallation.INSTALLED);
        assertThat(camera.lastSeen()).isEqualTo(seen);
        assertThat(events.received).contains(new CameraInstallationChanged(id, CameraInstallation.PLANNED, CameraInstallation.INSTALLED, seen));
    }

    @Test
    void falling_silent_leaves_the_installation_as_it_is() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("installation", "INSTALLED");
        long id = Network.camera(admin(), body);
        directory.markSeen(id, Instant.now());

        directory.markSilent(id, Instant.now());

        assertThat(directory.find(id).orElseThrow().installation()).isEqualTo(CameraInstallation.INSTALLED);
    }

    @Test
    void a_faulty_camera_stays_faulty_when_heard_from() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("installation", "FAULTY");
        long id = Network.camera(admin(), body);

        directory.markSeen(id, Instant.now());

        assertThat(directory.find(id).orElseThrow().installation()).isEqualTo(CameraInstallation.FAULTY);
    }

    @Test
    void cameras_near_a_point_come_nearest_first_and_within_the_distance() {
        var chowkYadgar = new GeoPoint(34.0094, 71.5735);

        var near = directory.near(chowkYadgar, 300);

        assertThat(near).isNotEmpty();
        assertThat(near).allSatisfy(c -> assertThat(c.location().metresTo(chowkYadgar)).isLessThanOrEqualTo(300));
        assertThat(near.getFirst().location().metresTo(chowkYadgar))
            .isLessThanOrEqualTo(near.getLast().location().metresTo(chowkYadgar));
        assertThat(near.getFirst().cityCode()).isEqualTo("PSH");
    }

    @Test
    void a_retired_camera_is_not_in_the_directory_and_its_retirement_is_published() {
        long id = Network.camera(admin(), Network.mardanSite(admin()));
        admin().post("/api/v1/cameras/" + id + "/retire", Map.of("reason", "stolen"));

        assertThat(directory.find(id)).isEmpty();
        assertThat(events.received).anySatisfy(e -> assertThat(e).isEqualTo(
            new CameraRetired(id, "stolen", ((CameraRetired) e).at())));
    }

    @Test
    void the_video_module_can_decrypt_a_cameras_stream_credentials() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("credentials", Map.of("username", "viewer", "password", "stream-pass-42"));
        long id = Network.camera(admin(), body);

        assertThat(directory.streamCredentials(id)).contains(new StreamCredentials("viewer", "stream-pass-42"));
    }
}

package org.safecity.detections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.detections.internal.CameraPlacements;
import org.safecity.registry.CameraPlacementChanged;
import org.safecity.registry.PartnerCameraRegister;
import org.safecity.shared.Placement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.safecity.anchors.AnchorSigner;

/**
 * The detections' side of the registry's placement changes: a sighting is placed where its camera stands now. The camera
 * is moved behind the registry's back (as another instance would move it) and the change then published as the registry
 * publishes it; without the event the placement held in memory would be kept for a minute.
 */
@ModuleScenarioTest
class DetectionsModuleTest {

    /** The evidence module signs the custody anchors; this context anchors nothing. */
    @MockitoBean
    AnchorSigner signer;

    /** Premises ids no other test uses: each call makes a site of its own. */
    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10 + 5);

    @Autowired
    CameraPlacements placements;

    @Autowired
    PartnerCameraRegister cameras;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_camera_moved_to_another_site_places_its_next_sightings_there(Scenario scenario) {
        long camera = cameraAt(33.1201, 71.0990);
        long otherCamera = cameraAt(33.1104, 71.0871);
        String first = siteNameOf(camera);
        String other = siteNameOf(otherCamera);
        assertThat(placements.placement(camera)).map(Placement::siteName).contains(first);

        jdbc.sql("update registry.camera set site_id = (select site_id from registry.camera where id = ?) where id = ?")
            .params(otherCamera, camera).update();
        assertThat(placements.placement(camera)).as("held until told").map(Placement::siteName).contains(first);

        scenario.publish(new CameraPlacementChanged(camera))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> placements.placement(camera).map(Placement::siteName).orElse(""), site -> !site.equals(first))
            .andVerify(site -> assertThat(site).isEqualTo(other));
    }

    @Test
    void a_site_changed_reads_every_camera_again_and_a_retired_camera_places_nothing(Scenario scenario) {
        long camera = cameraAt(33.1150, 71.1010);
        assertThat(placements.placement(camera)).map(p -> p.point().lat()).contains(33.1150);

        jdbc.sql("update registry.site set lat = 33.1160 where id = (select site_id from registry.camera where id = ?)").param(camera)
            .update();
        scenario.publish(new CameraPlacementChanged(null))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> placements.placement(camera).map(p -> p.point().lat()).orElse(0.0), lat -> lat != 33.1150)
            .andVerify(lat -> assertThat(lat).isEqualTo(33.1160));

        jdbc.sql("update registry.camera set retired_at = now() where id = ?").param(camera).update();
        scenario.publish(new CameraPlacementChanged(camera))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> placements.placement(camera).isEmpty(), gone -> gone)
            .andVerify(gone -> assertThat(placements.find(camera)).isEmpty());
    }

    /** A camera of a premises of its own in Karak, where none of the suite's maps look: the registry makes its site. */
    private long cameraAt(double lat, double lon) {
        long premises = UNIQUE.incrementAndGet();
        return cameras.enrol(new PartnerCameraRegister.Premises(premises, "Shop " + premises, "KRK", null, lat, lon),
            new PartnerCameraRegister.NewCamera("Gate " + premises, "rtsp://10.78.0.1:554/" + premises, null, "1920x1080", "Hikvision",
                "DS-2CD2143G2-I", false)).cameraId();
    }

    private String siteNameOf(long camera) {
        return jdbc.sql("select s.name from registry.camera c join registry.site s on s.id = c.site_id where c.id = ?").param(camera)
            .query(String.class).single();
    }
}

package org.safecity.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** SafeCity's own series at /actuator/prometheus, for administrators only, each tagged with the instance. */
class MetricsTest extends IntegrationTest {

    @Autowired
    InstanceRoles self;

    @Test
    void the_intake_writer_consumers_and_recorders_are_measured_per_instance() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var stored = field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), Sightings.plate(), Instant.now()))));
        assertThat(stored.status()).isEqualTo(202);

        var scraped = admin().get("/actuator/prometheus");

        assertThat(scraped.status()).isEqualTo(200);
        String instance = "instance=\"" + self.instance() + "\"";
        assertThat(scraped.body().lines().filter(line -> line.startsWith("safecity_")).toList())
            .anyMatch(line -> line.startsWith("safecity_intake_queue_depth{") && line.contains(instance))
            .anyMatch(line -> line.startsWith("safecity_intake_accepted_total{") && line.contains(instance))
            .anyMatch(line -> line.startsWith("safecity_writer_commit_seconds_count{"))
            .anyMatch(line -> line.startsWith("safecity_writer_group_rows_count{"))
            .anyMatch(line -> line.startsWith("safecity_consumer_lag{") && line.contains("consumer=\"MatchingDetections\""))
            .anyMatch(line -> line.startsWith("safecity_recorders_alive{"))
            .anyMatch(line -> line.startsWith("safecity_recorders_segments_late{"));
    }

    @Test
    void the_metrics_are_for_administrators_alone() {
        assertThat(anonymous.get("/actuator/prometheus").status()).as("asked to sign in").isIn(302, 401);
        assertThat(as(Role.SUPERVISOR).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}

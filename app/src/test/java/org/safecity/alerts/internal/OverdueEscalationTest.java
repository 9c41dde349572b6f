package org.safecity.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.alerts.Sightings.awaitAlert;
import static org.safecity.alerts.Sightings.forPlate;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class OverdueEscalationTest extends IntegrationTest {

    @Autowired
    EscalatingOverdueAlerts job;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_high_priority_alert_nobody_acknowledged_in_time_is_escalated_to_supervisors() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        long id = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();
        jdbc.sql("update alerts.alert set created_at = created_at - interval '3 minutes' where id = ?").param(id).update();

        job.escalateOverdue();

        var alert = admin().get("/api/v1/alerts/" + id).json();
        assertThat(alert.get("alert").get("status").asString()).isEqualTo("ESCALATED");
        var last = alert.get("timeline").get(alert.get("timeline").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(last.get("note").asString()).contains("not acknowledged within 120 s");
    }

    @Test
    void an_acknowledged_alert_is_not_escalated_by_the_clock() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        long id = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();
        admin().post("/api/v1/alerts/" + id + "/acknowledge", java.util.Map.of());
        jdbc.sql("update alerts.alert set created_at = created_at - interval '1 hour' where id = ?").param(id).update();

        job.escalateOverdue();

        assertThat(admin().get("/api/v1/alerts/" + id).json().get("alert").get("status").asString()).isEqualTo("ACKNOWLEDGED");
    }
}

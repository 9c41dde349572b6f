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

    @Test
    void more_overdue_alerts_than_one_transaction_takes_are_each_escalated_once_and_each_opens_an_incident() {
        int alerts = EscalatingOverdueAlerts.CHUNK + 3;
        var plates = new java.util.ArrayList<String>();
        for (int i = 0; i < alerts; i++) {
            plates.add(Sightings.plate());
        }
        long listId = Sightings.listWith(admin(), plates.getFirst(), false, "HIGH");
        for (String plate : plates.subList(1, alerts)) {
            assertThat(admin().post("/api/v1/watchlists/" + listId + "/entries", java.util.Map.of("plate", plate, "reason", "stolen"))
                .status()).isEqualTo(201);
        }
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant now = Instant.now();
        assertThat(field.device().post("/api/v1/detections",
            batch(plates.stream().map(p -> plateRead(field.cameraId(), p, now)).toList())).status()).isEqualTo(202);
        awaitCount("select count(*) from alerts.alert where list_id = ?", listId, alerts);
        jdbc.sql("update alerts.alert set created_at = created_at - interval '3 minutes' where list_id = ?").param(listId).update();

        job.escalateOverdue();
        job.escalateOverdue();

        assertThat(jdbc.sql("select count(*) from alerts.alert where list_id = ? and status = 'ESCALATED'").param(listId)
            .query(Long.class).single()).isEqualTo(alerts);
        assertThat(jdbc.sql("""
                select count(*) from alerts.alert_event e join alerts.alert a on a.id = e.alert_id
                where a.list_id = ? and e.kind = 'ESCALATED'""").param(listId).query(Long.class).single()).isEqualTo(alerts);
        // each escalation reaches the emergency module on the follow-up threads and opens one incident
        awaitCount("""
            select count(*) from emergency.incident i join alerts.alert a on i.alert_id = a.id::text where a.list_id = ?""",
            listId, alerts);
    }

    private void awaitCount(String sql, long listId, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long count;
        while ((count = jdbc.sql(sql).param(listId).query(Long.class).single()) != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(count).as(sql).isEqualTo(expected);
    }
}

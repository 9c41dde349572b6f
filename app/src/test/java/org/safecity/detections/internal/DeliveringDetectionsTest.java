package org.safecity.detections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.OcrConfusion;
import org.safecity.detections.Reporting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DeliveringDetectionsTest extends IntegrationTest {

    @Autowired
    DeliveringDetections delivering;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_sighting_committed_but_never_handed_over_in_memory_is_read_back_from_the_table_and_matched() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        // As after a commit whose answer was lost: the row is stored, but no lane was handed it.
        long id = storeUnhanded(field.cameraId(), plate);

        delivering.mayHaveStored(id);

        var alert = Sightings.awaitAlert(admin(), Sightings.forPlate(plate), Duration.ofSeconds(10));
        assertThat(alert.get("cameraId").asLong()).isEqualTo(field.cameraId());
        assertThat(jdbc.sql("select last_id from detections.consumer_cursor where consumer like '%MatchingDetections'")
            .query(Long.class).single()).isGreaterThanOrEqualTo(id);
    }

    @Test
    void a_cursor_only_moves_forward_and_detections_behind_it_are_not_followed_up_again() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String behind = Sightings.plate();
        String ahead = Sightings.plate();
        Sightings.listWith(admin(), behind, false, "HIGH");
        Sightings.listWith(admin(), ahead, false, "HIGH");
        long old = storeUnhanded(field.cameraId(), behind);
        // As if another lane had followed up to far past it already: the cursor stands beyond the stored row.
        long moved = old + 1000;
        jdbc.sql("update detections.consumer_cursor set last_id = greatest(last_id, ?)").param(moved).update();
        jdbc.sql("select setval('detections.sighting_id', greatest(?, (select last_value from detections.sighting_id)))")
            .param(moved).query(Long.class).single();

        delivering.mayHaveStored(old);
        long fresh = storeUnhanded(field.cameraId(), ahead);
        delivering.mayHaveStored(fresh);

        Sightings.awaitAlert(admin(), Sightings.forPlate(ahead), Duration.ofSeconds(10));
        assertThat(admin().get("/api/v1/alerts").json().get("items").valueStream().anyMatch(Sightings.forPlate(behind)))
            .as("the row behind the cursor is not matched: its follow-up rolled back with the refused cursor move").isFalse();
        assertThat(jdbc.sql("select last_id from detections.consumer_cursor where consumer like '%MatchingDetections'")
            .query(Long.class).single()).isGreaterThanOrEqualTo(fresh);
    }

    /** A plate sighting stored but handed to no lane. */
    private long storeUnhanded(long cameraId, String plate) {
        long id = jdbc.sql("select nextval('detections.sighting_id')").query(Long.class).single();
        Instant at = Instant.now().minusSeconds(5);
        jdbc.sql("""
                insert into detections.sighting (id, device_id, event_id, camera_id, observed_at, received_at, kind, plate, plate_read,
                    plate_folded, city_code, details)
                values (?, 0, ?, ?, ?, ?, 'plate', ?, ?, ?, 'MRD', '{"plate": {"text": "as read"}}')""")
            .params(id, Reporting.eventId(), cameraId, Timestamp.from(at), Timestamp.from(at), plate, plate, OcrConfusion.fold(plate))
            .update();
        return id;
    }
}

package org.safecity.detections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DetectionIntakeTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_device_s_plate_reads_are_stored_with_the_normalised_plate_beside_the_text_read() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);

        var answer = field.device().post("/api/v1/detections", batch(List.of(
            plateRead(field.cameraId(), "mrd-4521", at), plateRead(field.cameraId(), "LEB 12345", at.plusSeconds(1)))));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().get("duplicates").asInt()).isZero();
        assertThat(answer.json().get("rejected").size()).isZero();
        var stored = jdbc.sql("select plate, plate_read, city_code, observed_at from detections.sighting where camera_id = ? order by observed_at")
            .param(field.cameraId()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant().toString())).list();
        assertThat(stored).containsExactly(List.of("MRD4521", "mrd-4521", "MRD", at.toString()),
            List.of("LEB12345", "LEB 12345", "MRD", at.plusSeconds(1).toString()));
    }

    @Test
    void a_camera_retired_is_refused_from_the_next_batch_not_a_minute_later() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var before = field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), "MRD 1001", Instant.now()))));
        assertThat(before.json().get("accepted").asInt()).isEqualTo(1);

        assertThat(admin().post("/api/v1/cameras/" + field.cameraId() + "/retire", Map.of("reason", "pole knocked down")).status())
            .isEqualTo(200);
        var after = field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), "MRD 1002", Instant.now()))));

        assertThat(after.json().get("accepted").asInt()).isZero();
        assertThat(after.json().get("rejected").get(0).get("reason").asString()).contains("no camera in service");
    }

    @Test
    void a_site_moved_to_another_city_files_its_cameras_next_reads_under_that_city() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String first = Reporting.eventId();
        field.device().post("/api/v1/detections", batch(List.of(plateRead(first, field.cameraId(), "KHT 2001", Instant.now()))));
        // to Abbottabad, phase 4 as Mardan: Peshawar's phase 1 is counted exactly by the map's test
        var site = new java.util.HashMap<String, Object>(Map.of("name", field.siteName(), "kind", "junction", "lat", 34.1688,
            "lon", 73.2215, "city", "ABT", "phase", 4));

        assertThat(admin().put("/api/v1/sites/" + field.siteId(), site).status()).isIn(200, 204);
        String second = Reporting.eventId();
        field.device().post("/api/v1/detections", batch(List.of(plateRead(second, field.cameraId(), "KHT 2002", Instant.now()))));

        assertThat(cityOf(first)).isEqualTo("MRD");
        assertThat(cityOf(second)).isEqualTo("ABT");
    }

    private String cityOf(String eventId) {
        return jdbc.sql("select city_code from detections.sighting where event_id = ?").param(eventId).query(String.class).single();
    }

    @Test
    void a_repeated_event_id_is_accepted_and_counted_as_a_duplicate_not_stored_twice() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var item = plateRead(field.cameraId(), "PRA 1234", Instant.now().minusSeconds(2));

        var first = field.device().post("/api/v1/detections", batch(List.of(item)));
        var again = field.device().post("/api/v1/detections", batch(List.of(item, item)));

        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_event_id_resent_with_another_observed_at_or_kind_is_a_duplicate_too() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        String eventId = Reporting.eventId();
        var first = field.device().post("/api/v1/detections", batch(List.of(plateRead(eventId, field.cameraId(), "PRB 5511", at))));

        // A device whose clock was corrected resends with a later observedAt, the next day's partition, or as another kind.
        var laterClock = plateRead(eventId, field.cameraId(), "PRB 5511", at.plusSeconds(7));
        var dayBefore = plateRead(eventId, field.cameraId(), "PRB 5511", at.minus(1, ChronoUnit.DAYS));
        var asObject = new java.util.HashMap<>(plateRead(eventId, field.cameraId(), "PRB 5511", at.plusSeconds(1)));
        asObject.put("kind", "object");
        asObject.put("object", Map.of("class", "car", "confidence", 0.8));
        var again = field.device().post("/api/v1/detections", batch(List.of(laterClock, dayBefore, asObject)));

        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select observed_at from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(java.time.OffsetDateTime.class).list()).extracting(java.time.OffsetDateTime::toInstant).containsExactly(at);
    }

    @Test
    void within_one_batch_the_first_item_of_a_repeated_event_id_is_the_one_stored() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(30);
        String eventId = Reporting.eventId();

        var answer = field.device().post("/api/v1/detections", batch(List.of(plateRead(eventId, field.cameraId(), "PRC 1001", at),
            plateRead(eventId, field.cameraId(), "PRC 1002", at.plusSeconds(3)))));

        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select plate from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(String.class).list()).containsExactly("PRC1001");
    }

    @Test
    void invalid_items_are_listed_by_index_with_their_reason_and_the_valid_items_are_kept() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var now = Instant.now();
        var noPlate = new java.util.HashMap<>(plateRead(field.cameraId(), "X", now));
        noPlate.put("plate", Map.of("confidence", 0.5));
        var future = plateRead(field.cameraId(), "ABC 123", now.plus(1, ChronoUnit.HOURS));
        var unknownKind = new java.util.HashMap<>(plateRead(field.cameraId(), "ABC 124", now));
        unknownKind.put("kind", "smell");

        var answer = field.device().post("/api/v1/detections", batch(List.of(
            noPlate, plateRead(field.cameraId(), "ABC 125", now.minusSeconds(1)), future, unknownKind)));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        var rejected = answer.json().get("rejected");
        assertThat(rejected.size()).isEqualTo(3);
        assertThat(rejected.get(0).get("index").asInt()).isZero();
        assertThat(rejected.get(0).get("reason").asString()).contains("plate.text");
        assertThat(rejected.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(rejected.get(1).get("reason").asString()).contains("future");
        assertThat(rejected.get(2).get("index").asInt()).isEqualTo(3);
        assertThat(rejected.get(2).get("reason").asString()).contains("kind");
    }

    @Test
    void a_device_may_report_only_for_its_own_cameras() {
        var mine = Reporting.mardanCamera(admin(), anonymous);
        var theirs = Reporting.mardanCamera(admin(), anonymous);

        var answer = mine.device().post("/api/v1/detections", batch(List.of(plateRead(theirs.cameraId(), "ABC 999", Instant.now()))));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isZero();
        assertThat(answer.json().get("rejected").get(0).get("reason").asString()).contains("not one of this device's cameras");
        assertThat(jdbc.sql("select count(*) from detections.sighting where camera_id = ?").param(theirs.cameraId())
            .query(Long.class).single()).isZero();
    }

    @Test
    void every_kind_of_detection_is_accepted_with_its_own_fields() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var at = Instant.now().minusSeconds(3).toString();
        var embedding = new ArrayList<Double>();
        for (int i = 0; i < 128; i++) {
            embedding.add(Math.sin(i));
        }
        var items = List.of(
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", at, "kind", "object",
                "object", Map.of("class", "rickshaw", "confidence", 0.8, "box", List.of(10, 20, 100, 80))),
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", at, "kind", "face",
                "face", Map.of("model", "arcface-r100", "embedding", embedding)),
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", at, "kind", "analytic",
                "analytic", Map.of("type", "fire", "zone", "north gate", "confidence", 0.7)),
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", at, "kind", "signal",
                "signal", Map.of("phase", "red")),
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", at, "kind", "speed",
                "speed", Map.of("speedKmh", 92.5, "limitKmh", 60)));

        var answer = field.device().post("/api/v1/detections", batch(items));

        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(5);
        assertThat(jdbc.sql("select kind from detections.sighting where camera_id = ? order by kind").param(field.cameraId())
            .query(String.class).list()).containsExactly("analytic", "face", "object", "signal", "speed");
    }

    @Test
    void an_empty_batch_or_one_over_a_thousand_items_is_refused_whole() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var many = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1001; i++) {
            many.add(plateRead(field.cameraId(), "ABC " + i, Instant.now()));
        }

        var empty = field.device().post("/api/v1/detections", batch(List.of()));
        var tooMany = field.device().post("/api/v1/detections", batch(many));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(Long.class).single()).isZero();
    }

    @Test
    void a_device_keys_last_use_is_shown_to_the_administrator_and_its_key_never() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        java.util.function.Supplier<tools.jackson.databind.JsonNode> device = () -> admin().get("/api/v1/devices?size=1000").json()
            .get("items").valueStream().filter(d -> d.get("cameraIds").valueStream().anyMatch(c -> c.asLong() == field.cameraId()))
            .findFirst().orElseThrow();
        assertThat(device.get().has("lastUsedAt")).as("never used yet").isFalse();
        Instant before = Instant.now().minusSeconds(1);

        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), "ABC 322", Instant.now().minusSeconds(1)))));

        assertThat(Instant.parse(device.get().get("lastUsedAt").asString())).isAfter(before);
        assertThat(device.get().has("key")).isFalse();
    }

    @Test
    void a_camera_reporting_detections_is_marked_seen_and_online() {
        var field = Reporting.mardanCamera(admin(), anonymous);

        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), "ABC 321", Instant.now().minusSeconds(1)))));

        var camera = admin().get("/api/v1/cameras/" + field.cameraId()).json();
        assertThat(camera.get("status").asString()).isEqualTo("ONLINE");
        assertThat(camera.get("lastSeen")).isNotNull();
    }

    @Test
    void a_sighting_lands_in_its_kind_s_partition_for_its_day() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), "ABC 777", yesterday))));

        String partition = jdbc.sql("select tableoid::regclass::text from detections.sighting where camera_id = ?")
            .param(field.cameraId()).query(String.class).single();
        assertThat(partition).isEqualTo("detections.sighting_plate_"
            + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(yesterday.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
    }

    @Test
    void a_person_may_not_post_detections() {
        var operator = as(Role.OPERATOR);

        var answer = operator.post("/api/v1/detections", batch(List.of(plateRead(1, "ABC 1", Instant.now()))));

        assertThat(answer.status()).isEqualTo(403);
    }
}

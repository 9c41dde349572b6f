package org.safecity.detections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SightingSearchTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static String plate() {
        return "PSH" + (100000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900000));
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void a_plate_s_sightings_come_in_time_order_with_camera_and_site() {
        String plate = plate();
        var north = Reporting.mardanCamera(admin(), anonymous);
        var south = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        south.device().post("/api/v1/detections", batch(List.of(plateRead(south.cameraId(), plate, at.plusSeconds(60)))));
        north.device().post("/api/v1/detections", batch(List.of(plateRead(north.cameraId(), plate, at))));

        var found = as(Role.INVESTIGATOR).get("/api/v1/sightings?plate=" + plate + "&purpose=" + q("FIR 12/2026 Mardan"));

        assertThat(found.status()).isEqualTo(200);
        var items = found.json().get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("cameraId").asLong()).isEqualTo(north.cameraId());
        assertThat(items.get(0).get("siteName").asString()).isEqualTo(north.siteName());
        assertThat(items.get(0).get("observedAt").asString()).isEqualTo(at.toString());
        assertThat(items.get(0).get("plate").asString()).isEqualTo(plate);
        assertThat(items.get(1).get("cameraId").asLong()).isEqualTo(south.cameraId());
        assertThat(items.get(0).get("details").get("plate").get("colour").asString()).isEqualTo("white");
    }

    @Test
    void a_search_without_a_purpose_is_refused() {
        var refused = as(Role.INVESTIGATOR).get("/api/v1/sightings?plate=ABC123");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("purpose");
    }

    @Test
    void every_search_is_written_to_the_audit_trail_with_its_purpose() {
        String plate = plate();
        var investigator = as(Role.INVESTIGATOR);

        investigator.get("/api/v1/sightings?plate=" + plate + "&purpose=" + q("case 4471"));

        var audited = jdbc.sql("select actor, reason from identity.audit_entry where action = 'detections.sightings-searched' and target_id = ?")
            .param(plate).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
        assertThat(audited).singleElement().satisfies(row -> {
            assertThat(row.get(0)).startsWith("test.investigator");
            assertThat(row.get(1)).isEqualTo("case 4471");
        });
    }

    @Test
    void a_tolerant_search_finds_readings_with_confusable_characters_and_one_character_missing_or_extra() {
        String digits = Integer.toString(1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000));
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(120);
        field.device().post("/api/v1/detections", batch(List.of(
            plateRead(field.cameraId(), "LEB" + digits, at),
            plateRead(field.cameraId(), "1E8" + digits, at.plusSeconds(1)),
            plateRead(field.cameraId(), "LEB" + digits.substring(1), at.plusSeconds(2)),
            plateRead(field.cameraId(), "LEB" + digits + "9", at.plusSeconds(3)),
            plateRead(field.cameraId(), "XYZ" + digits, at.plusSeconds(4)))));
        var investigator = as(Role.INVESTIGATOR);

        var exact = investigator.get("/api/v1/sightings?plate=LEB" + digits + "&cameraId=" + field.cameraId() + "&purpose=traffic+enquiry");
        var tolerant = investigator.get("/api/v1/sightings?plate=LEB" + digits + "&fuzzy=true&cameraId=" + field.cameraId() + "&purpose=traffic+enquiry");

        assertThat(exact.json().get("items").size()).isEqualTo(1);
        assertThat(tolerant.json().get("items").valueStream().map(i -> i.get("plateRead").asString()))
            .containsExactly("LEB" + digits, "1E8" + digits, "LEB" + digits.substring(1), "LEB" + digits + "9");
    }

    @Test
    void a_mardan_investigator_finds_no_kohat_sighting() {
        String plate = plate();
        var kohat = Reporting.camera(admin(), anonymous, "KHT", 33.59, 71.44);
        kohat.device().post("/api/v1/detections", batch(List.of(plateRead(kohat.cameraId(), plate, Instant.now().minusSeconds(5)))));

        var mardan = as("MRD", Role.INVESTIGATOR).get("/api/v1/sightings?plate=" + plate + "&purpose=traffic+enquiry");
        var province = as(Role.INVESTIGATOR).get("/api/v1/sightings?plate=" + plate + "&purpose=traffic+enquiry");

        assertThat(mardan.json().get("items").size()).isZero();
        assertThat(province.json().get("items").size()).isEqualTo(1);
    }

    @Test
    void sightings_are_found_by_city_camera_and_map_box() {
        var field = Reporting.camera(admin(), anonymous, "NSR", 34.0150, 71.9800);
        Instant at = Instant.now().minusSeconds(30);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate(), at))));
        var investigator = as(Role.INVESTIGATOR);
        String window = "&from=" + at.minusSeconds(1) + "&to=" + at.plusSeconds(1) + "&purpose=traffic+enquiry";

        var inBox = investigator.get("/api/v1/sightings?bbox=71.97,34.01,71.99,34.02" + window);
        var outOfBox = investigator.get("/api/v1/sightings?bbox=72.10,34.10,72.20,34.20&cameraId=" + field.cameraId() + window);
        var byCity = investigator.get("/api/v1/sightings?city=NSR&cameraId=" + field.cameraId() + window);

        assertThat(inBox.json().get("items").valueStream().map(i -> i.get("cameraId").asLong())).contains(field.cameraId());
        assertThat(outOfBox.json().get("items").size()).isZero();
        assertThat(byCity.json().get("items").size()).isEqualTo(1);
    }

    @Test
    void a_vehicle_s_route_is_its_sightings_in_order_with_positions() {
        String plate = plate();
        var first = Reporting.camera(admin(), anonymous, "MRD", 34.20, 72.04);
        var second = Reporting.camera(admin(), anonymous, "MRD", 34.21, 72.05);
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES);
        second.device().post("/api/v1/detections", batch(List.of(plateRead(second.cameraId(), plate, at.plusSeconds(300)))));
        first.device().post("/api/v1/detections", batch(List.of(plateRead(first.cameraId(), plate, at))));

        var route = as(Role.INVESTIGATOR).get("/api/v1/sightings/route?plate=" + plate + "&purpose=" + q("FIR 9/2026"));

        var points = route.json().get("points");
        assertThat(route.json().get("plate").asString()).isEqualTo(plate);
        assertThat(points.size()).isEqualTo(2);
        assertThat(points.get(0).get("lat").asDouble()).isEqualTo(34.20);
        assertThat(points.get(1).get("lat").asDouble()).isEqualTo(34.21);
        assertThat(points.get(1).get("siteName").asString()).isEqualTo(second.siteName());
    }
}

package org.safecity.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.alerts.Sightings.awaitAlert;
import static org.safecity.alerts.Sightings.forPlate;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;

class AlertFeedTest extends IntegrationTest {

    private String token(String city, Role role) {
        String username = Reporting.unique("feed").replace(' ', '.').toLowerCase();
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "displayName", "Feed viewer",
            "password", passwordOf(username), "roles", List.of(role.name())));
        if (city != null) {
            body.put("cityCode", city);
        } else {
            body.put("scope", "province");
        }
        admin().post("/api/v1/accounts", body);
        return anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", passwordOf(username)))
            .json().get("access_token").asString();
    }

    @Test
    void an_operator_s_feed_receives_an_alert_of_their_city_as_it_is_raised() throws Exception {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        try (var feed = new AlertFeed(port, token("MRD", Role.OPERATOR), null)) {
            assertThat(feed.status()).isEqualTo(200);

            long posted = System.nanoTime();
            field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
            var event = feed.awaitPlate(plate, Duration.ofSeconds(5));

            assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(1));
            assertThat(event.data().get("kind").asString()).isEqualTo("RAISED");
            assertThat(event.data().get("alert").get("priority").asString()).isEqualTo("HIGH");
            assertThat(event.id()).isEqualTo(event.data().get("seq").asLong());
        }
    }

    @Test
    void a_feed_shows_nothing_from_another_city() throws Exception {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var kohat = Reporting.camera(admin(), anonymous, "KHT", 33.59, 71.44);
        try (var feed = new AlertFeed(port, token("MRD", Role.OPERATOR), null)) {
            kohat.device().post("/api/v1/detections", batch(List.of(plateRead(kohat.cameraId(), plate, Instant.now()))));
            awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5));

            assertThat(feed.drain(Duration.ofMillis(500))).noneMatch(e -> plate.equals(e.data().get("alert").path("plate").asString("")));
        }
    }

    @Test
    void a_console_reconnecting_with_last_event_id_receives_every_event_it_missed_in_order() throws Exception {
        String token = token(null, Role.SUPERVISOR);
        String first = Sightings.plate();
        String second = Sightings.plate();
        Sightings.listWith(admin(), first, false, "LOW");
        Sightings.listWith(admin(), second, false, "LOW");
        var field = Reporting.mardanCamera(admin(), anonymous);
        long lastSeen;
        try (var feed = new AlertFeed(port, token, null)) {
            field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), first, Instant.now()))));
            lastSeen = feed.awaitPlate(first, Duration.ofSeconds(5)).id();
        }

        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), second, Instant.now()))));
        long id = awaitAlert(admin(), forPlate(second), Duration.ofSeconds(5)).get("id").asLong();
        admin().post("/api/v1/alerts/" + id + "/acknowledge", Map.of());

        try (var feed = new AlertFeed(port, token, lastSeen)) {
            var missed = feed.drain(Duration.ofMillis(700));
            var ofSecond = missed.stream().filter(e -> second.equals(e.data().get("alert").path("plate").asString(""))).toList();

            assertThat(ofSecond).extracting(e -> e.data().get("kind").asString()).containsExactly("RAISED", "ACKNOWLEDGED");
            assertThat(missed).allMatch(e -> e.id() > lastSeen);
            assertThat(missed).extracting(AlertFeed.Event::id).isSorted().doesNotHaveDuplicates();
        }
    }

}

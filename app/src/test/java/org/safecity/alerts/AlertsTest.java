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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.watchlists.WatchlistHits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionTemplate;

class AlertsTest extends IntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void a_listed_plate_read_by_a_camera_raises_an_alert_for_that_camera_within_a_second() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        var operator = as("MRD", Role.OPERATOR);

        long posted = System.nanoTime();
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        var alert = awaitAlert(operator, forPlate(plate), Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - posted);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(alert.get("type").asString()).isEqualTo("WATCHLIST_HIT");
        assertThat(alert.get("priority").asString()).isEqualTo("HIGH");
        assertThat(alert.get("status").asString()).isEqualTo("NEW");
        assertThat(alert.get("cameraId").asLong()).isEqualTo(field.cameraId());
        assertThat(alert.get("siteName").asString()).isEqualTo(field.siteName());
        assertThat(alert.get("cityCode").asString()).isEqualTo("MRD");
        assertThat(alert.get("count").asInt()).isEqualTo(1);
        assertThat(alert.get("createdAt")).isNotNull();
    }

    @Test
    void a_fuzzy_list_raises_an_alert_for_a_misread_plate_and_an_exact_list_does_not() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String listed = "LEB" + (1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000)) + "7";
        String misread = listed.replace("LEB", "1E8");
        Sightings.listWith(admin(), listed, true, "MEDIUM");
        String exactOnly = Sightings.plate();
        Sightings.listWith(admin(), exactOnly, false, "MEDIUM");

        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), misread, Instant.now()),
            plateRead(field.cameraId(), exactOnly.substring(1), Instant.now()))));
        var alert = awaitAlert(admin(), forPlate(listed), Duration.ofSeconds(5));

        assertThat(alert.get("plateRead").asString()).isEqualTo(misread);
        assertThat(alert.get("matchedBy").asString()).isEqualTo("FUZZY");
        assertThat(admin().get("/api/v1/alerts").body()).doesNotContain("\"plate\":\"" + exactOnly + "\"");
    }

    @Test
    void the_same_plate_at_the_same_camera_within_the_window_is_one_alert_with_a_count() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "LOW");
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(30);

        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, at))));
        awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5));
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, at.plusSeconds(20)))));
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, at.plusSeconds(25)))));
        var alert = awaitAlert(admin(), a -> forPlate(plate).test(a) && a.get("count").asInt() == 3, Duration.ofSeconds(5));

        assertThat(admin().get("/api/v1/alerts").json().get("items").valueStream().filter(forPlate(plate)).count()).isEqualTo(1);
        assertThat(alert.get("count").asInt()).isEqualTo(3);
    }

    @Test
    void repeats_stored_in_one_group_count_on_the_alert_the_first_raised() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "LOW");
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(30);

        // one batch is stored in one group, whose hits are raised together in one transaction
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, at),
            plateRead(field.cameraId(), plate, at.plusSeconds(5)), plateRead(field.cameraId(), plate, at.plusSeconds(9)))));
        var alert = awaitAlert(admin(), a -> forPlate(plate).test(a) && a.get("count").asInt() == 3, Duration.ofSeconds(5));

        assertThat(admin().get("/api/v1/alerts").json().get("items").valueStream().filter(forPlate(plate)).count()).isEqualTo(1);
        var timeline = admin().get("/api/v1/alerts/" + alert.get("id").asLong()).json().get("timeline");
        assertThat(timeline.valueStream().map(e -> e.get("kind").asString()).toList()).containsExactly("RAISED", "REPEATED", "REPEATED");
    }

    @Test
    void a_hit_and_an_analytic_handed_over_again_raise_and_repeat_nothing() {
        var handedOver = new CopyOnWriteArrayList<Object>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
            if (e.getPayload() instanceof WatchlistHits || e.getPayload() instanceof AnalyticsDetected) {
                handedOver.add(e.getPayload());
            }
        };
        context.addApplicationListener(listener);
        try {
            String plate = Sightings.plate();
            Sightings.listWith(admin(), plate, false, "LOW");
            var field = Reporting.mardanCamera(admin(), anonymous);
            var fire = Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", Instant.now().toString(),
                "kind", "analytic", "analytic", Map.of("type", "smoke", "zone", "godown", "confidence", 0.9));
            field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()), fire)));
            var alert = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5));
            java.util.function.Predicate<tools.jackson.databind.JsonNode> smokeHere = a -> "ANALYTIC".equals(a.get("type").asString())
                && "smoke".equals(a.get("analytic").asString()) && a.get("cameraId").asLong() == field.cameraId();
            var smoke = awaitAlert(admin(), smokeHere, Duration.ofSeconds(5));

            // as a publication resubmitted while its first delivery still waited its turn: the same events once more
            var again = handedOver.stream().filter(e -> !(e instanceof WatchlistHits hits)
                || hits.hits().stream().anyMatch(h -> plate.equals(h.entry().plate()))).toList();
            assertThat(again).hasSizeGreaterThanOrEqualTo(2);
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> again.forEach(context::publishEvent));
            // raising is one thread in order: once a later hit's alert is up, the events handed over again were handled
            String later = Sightings.plate();
            Sightings.listWith(admin(), later, false, "LOW");
            field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), later, Instant.now()))));
            awaitAlert(admin(), forPlate(later), Duration.ofSeconds(5));

            var items = admin().get("/api/v1/alerts").json().get("items");
            assertThat(items.valueStream().filter(forPlate(plate)).count()).isEqualTo(1);
            assertThat(items.valueStream().filter(smokeHere).count()).isEqualTo(1);
            for (var raised : List.of(alert, smoke)) {
                var timeline = admin().get("/api/v1/alerts/" + raised.get("id").asLong()).json();
                assertThat(timeline.get("alert").get("count").asInt()).isEqualTo(1);
                assertThat(timeline.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList()).containsExactly("RAISED");
            }
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void a_mardan_operator_sees_no_kohat_alert() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var kohat = Reporting.camera(admin(), anonymous, "KHT", 33.5869, 71.4429);
        var mardanOperator = as("MRD", Role.OPERATOR);

        kohat.device().post("/api/v1/detections", batch(List.of(plateRead(kohat.cameraId(), plate, Instant.now()))));
        var alert = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5));

        assertThat(mardanOperator.get("/api/v1/alerts").body()).doesNotContain(plate);
        assertThat(mardanOperator.get("/api/v1/alerts/" + alert.get("id").asLong()).status()).isEqualTo(404);
        assertThat(mardanOperator.post("/api/v1/alerts/" + alert.get("id").asLong() + "/acknowledge", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void an_operator_acknowledges_then_escalates_and_the_escalation_is_published_for_emergency_response() {
        var escalations = new CopyOnWriteArrayList<AlertEscalated>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
            if (e.getPayload() instanceof AlertEscalated escalated) {
                escalations.add(escalated);
            }
        };
        context.addApplicationListener(listener);
        try {
            String plate = Sightings.plate();
            Sightings.listWith(admin(), plate, false, "HIGH");
            var field = Reporting.mardanCamera(admin(), anonymous);
            var operator = as("MRD", Role.OPERATOR);
            field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
            long id = awaitAlert(operator, forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();

            var acknowledged = operator.post("/api/v1/alerts/" + id + "/acknowledge", Map.of());
            var escalated = operator.post("/api/v1/alerts/" + id + "/escalate", Map.of());

            assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(acknowledged.json().get("assignee").asString()).startsWith("test.operator");
            assertThat(escalated.json().get("status").asString()).isEqualTo("ESCALATED");
            var timeline = operator.get("/api/v1/alerts/" + id).json().get("timeline");
            assertThat(timeline.valueStream().map(s -> s.get("kind").asString())).containsExactly("RAISED", "ACKNOWLEDGED", "ESCALATED");
            assertThat(escalations).anySatisfy(e -> {
                assertThat(e.alertId()).isEqualTo(id);
                assertThat(e.plate()).isEqualTo(plate);
                assertThat(e.placement().cameraId()).isEqualTo(field.cameraId());
                assertThat(e.placement().cityCode()).isEqualTo("MRD");
                assertThat(e.placement().lat()).isBetween(34.0, 34.5);
            });
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void dismissing_needs_a_reason_and_a_dismissed_alert_cannot_be_acknowledged() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "MEDIUM");
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        long id = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();
        var operator = as(Role.OPERATOR);

        var withoutReason = operator.post("/api/v1/alerts/" + id + "/dismiss", Map.of());
        var dismissed = operator.post("/api/v1/alerts/" + id + "/dismiss", Map.of("reason", "misread: plate is a taxi's"));
        var late = operator.post("/api/v1/alerts/" + id + "/acknowledge", Map.of());

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
        assertThat(dismissed.json().get("dismissReason").asString()).isEqualTo("misread: plate is a taxi's");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
    }

    @Test
    void a_fire_seen_by_a_camera_raises_a_high_priority_analytic_alert() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var item = Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", Instant.now().toString(),
            "kind", "analytic", "analytic", Map.of("type", "fire", "zone", "market", "confidence", 0.88));

        field.device().post("/api/v1/detections", batch(List.of(item)));
        var alert = awaitAlert(admin(), a -> "ANALYTIC".equals(a.get("type").asString()) && a.get("cameraId").asLong() == field.cameraId(),
            Duration.ofSeconds(5));

        assertThat(alert.get("priority").asString()).isEqualTo("HIGH");
        assertThat(alert.get("analytic").asString()).isEqualTo("fire");
    }

    @Test
    void a_dispatcher_sees_an_alert_only_once_it_is_escalated() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "MEDIUM");
        var field = Reporting.mardanCamera(admin(), anonymous);
        var dispatcher = as("MRD", Role.DISPATCHER);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        long id = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();

        var before = dispatcher.get("/api/v1/alerts").body();
        admin().post("/api/v1/alerts/" + id + "/escalate", Map.of());

        assertThat(before).doesNotContain(plate);
        assertThat(awaitAlert(dispatcher, forPlate(plate), Duration.ofSeconds(2)).get("status").asString()).isEqualTo("ESCALATED");
    }

    @Test
    void a_device_or_an_auditor_cannot_read_alerts() {
        var field = Reporting.mardanCamera(admin(), anonymous);

        assertThat(field.device().get("/api/v1/alerts").status()).isEqualTo(403);
        assertThat(as(Role.AUDITOR).get("/api/v1/alerts").status()).isEqualTo(403);
    }
}

package org.safecity.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.alerts.Sightings.awaitAlert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;

class FaceHitTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static List<Double> face(double phase) {
        var vector = new ArrayList<Double>();
        for (int i = 0; i < 128; i++) {
            vector.add(Math.sin(i * 0.37 + phase));
        }
        return vector;
    }

    @Test
    void a_face_close_to_a_wanted_person_s_raises_a_face_hit_alert_naming_the_person() {
        String name = Reporting.unique("Wanted person");
        var list = new HashMap<String, Object>(Map.of("name", Reporting.unique("Wanted persons"), "kind", "PERSON",
            "type", "WANTED_PERSON", "priority", "HIGH", "faceThreshold", 0.9));
        long listId = admin().post("/api/v1/watchlists", list).json().get("id").asLong();
        var added = admin().post("/api/v1/watchlists/" + listId + "/entries", Map.of("name", name, "cnic", "17301-7654321-3",
            "embedding", face(0), "model", "arcface-r100", "reason", "FIR 301/2026"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        var field = Reporting.mardanCamera(admin(), anonymous);
        var probe = face(0.05);
        var stranger = face(2.5);
        Instant strangerSeen = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant probeSeen = strangerSeen.plusSeconds(20);

        // one batch, so the faces are matched as one group: the hit must be the second face's, not the first's
        field.device().post("/api/v1/detections", Map.of("detections", List.of(
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", strangerSeen.toString(), "kind", "face",
                "face", Map.of("model", "arcface-r100", "embedding", stranger)),
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", probeSeen.toString(), "kind", "face",
                "face", Map.of("model", "arcface-r100", "embedding", probe)))));
        var alert = awaitAlert(admin(), a -> name.equals(a.path("personName").asString("")), Duration.ofSeconds(5));
        assertThat(Instant.parse(alert.get("observedAt").asString())).isEqualTo(probeSeen);
        assertThat(alert.get("entryId").asLong()).as("the entry that matched").isEqualTo(added.json().get("id").asLong());
        var sightings = admin().get("/api/v1/sightings?kind=face&cameraId=" + field.cameraId() + "&purpose=face+hit+test").json();
        assertThat(sightings.get("items").valueStream().filter(i -> Instant.parse(i.get("observedAt").asString()).equals(probeSeen))
            .map(i -> i.get("id").asLong())).as("the sighting that matched").containsExactly(alert.get("sightingId").asLong());

        assertThat(alert.get("type").asString()).isEqualTo("FACE_HIT");
        assertThat(alert.get("matchedBy").asString()).isEqualTo("FACE");
        assertThat(alert.get("score").asDouble()).isGreaterThan(0.9);
        assertThat(admin().get("/api/v1/alerts").json().get("items").valueStream()
            .filter(a -> name.equals(a.path("personName").asString("")) && a.get("cameraId").asLong() == field.cameraId()).count()).isEqualTo(1);
    }

    @Test
    void reading_an_alert_that_names_a_person_is_written_to_the_audit_trail() {
        String name = Reporting.unique("Wanted person");
        var list = new HashMap<String, Object>(Map.of("name", Reporting.unique("Wanted persons"), "kind", "PERSON",
            "type", "WANTED_PERSON", "priority", "HIGH", "faceThreshold", 0.9));
        long listId = admin().post("/api/v1/watchlists", list).json().get("id").asLong();
        admin().post("/api/v1/watchlists/" + listId + "/entries", Map.of("name", name, "embedding", face(1.0), "model", "arcface-r100",
            "reason", "FIR 302/2026"));
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", Map.of("detections", List.of(Map.of("eventId", Reporting.eventId(),
            "cameraId", field.cameraId(), "observedAt", Instant.now().toString(), "kind", "face",
            "face", Map.of("model", "arcface-r100", "embedding", face(1.02))))));
        long id = awaitAlert(admin(), a -> name.equals(a.path("personName").asString("")), Duration.ofSeconds(5)).get("id").asLong();

        admin().get("/api/v1/alerts/" + id);

        assertThat(jdbc.sql("select count(*) from identity.audit_entry where action = 'alerts.person-hits-read' and target_id = ?")
            .param(Long.toString(id)).query(Long.class).single()).isPositive();
    }
}

package org.safecity.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.alerts.Sightings.awaitAlert;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.Multipart;
import org.safecity.SafeCityApi;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.vision.internal.ObjectFinder;
import org.safecity.vision.internal.Pictures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/vision/faces: the faces of a still, over HTTP, as people with each role get them. */
class FaceSearchTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectFinder objects;

    private static SafeCityApi.Response send(SafeCityApi api, String purpose, String filename, byte[] content) {
        var multipart = new Multipart();
        if (purpose != null) {
            multipart.field("purpose", purpose);
        }
        return api.post("/api/v1/vision/faces", multipart.contentType(), multipart.file("image", filename, content));
    }

    private static List<Double> embedding(JsonNode face) {
        var values = new ArrayList<Double>();
        face.get("embedding").forEach(v -> values.add(v.asDouble()));
        return values;
    }

    private static byte[] png(java.awt.image.BufferedImage image) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void an_investigator_gets_the_portrait_s_face_with_its_box_confidence_model_and_unit_embedding() {
        var answer = send(as(Role.INVESTIGATOR), "FIR 88/2026 Saddar", "astronaut.jpg", Pictures.bytes("astronaut.jpg"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var faces = answer.json().get("faces");
        assertThat(faces.size()).isEqualTo(1);
        var face = faces.get(0);
        assertThat(face.get("box").get("x").asInt() + face.get("box").get("width").asInt() / 2).isBetween(205, 250);
        assertThat(face.get("box").get("y").asInt() + face.get("box").get("height").asInt() / 2).isBetween(105, 150);
        assertThat(face.get("confidence").asDouble()).isBetween(0.75, 1.0);
        assertThat(face.get("model").asString()).isEqualTo("faceres-1024");
        assertThat(embedding(face)).hasSize(1024);
        assertThat(embedding(face).stream().mapToDouble(v -> v * v).sum()).isBetween(0.999, 1.001);
    }

    @Test
    void a_picture_without_faces_answers_an_empty_list() {
        var answer = send(as(Role.OPERATOR), "camera 12 check", "coffee.png", Pictures.bytes("coffee.png"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("faces").isArray()).isTrue();
        assertThat(answer.json().get("faces").size()).isZero();
    }

    @Test
    void a_file_that_is_not_a_jpeg_or_png_is_refused_with_a_problem_naming_the_field() {
        var answer = send(as(Role.INVESTIGATOR), "FIR 88/2026", "face.jpg", "this is not a picture\n".getBytes());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("image").contains("JPEG or PNG");
    }

    @Test
    void a_search_without_a_purpose_is_refused_and_nothing_is_audited() throws Exception {
        byte[] picture = png(Pictures.turned(Pictures.read("astronaut.jpg"), 3));
        var answer = send(as(Role.INVESTIGATOR), null, "astronaut.png", picture);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("purpose");
        assertThat(audited(picture)).isZero();
    }

    @Test
    void each_search_is_audited_with_its_purpose_and_the_picture_s_hash() throws Exception {
        byte[] picture = png(Pictures.turned(Pictures.read("astronaut.jpg"), -3));
        send(as(Role.SUPERVISOR), "FIR 91/2026 Hayatabad", "astronaut.png", picture);

        assertThat(audited(picture)).isEqualTo(1);
        assertThat(jdbc.sql("select reason from identity.audit_entry where action = 'vision.faces-found' and target_id = ?")
            .param(sha256(picture)).query(String.class).single()).isEqualTo("FIR 91/2026 Hayatabad");
    }

    @Test
    void people_without_an_investigating_role_and_strangers_are_refused() {
        assertThat(send(as(Role.TRAFFIC_REVIEWER), "curious", "astronaut.jpg", Pictures.bytes("astronaut.jpg")).status()).isEqualTo(403);
        assertThat(send(as(Role.AUDITOR), "curious", "astronaut.jpg", Pictures.bytes("astronaut.jpg")).status()).isEqualTo(403);
        assertThat(send(anonymous, "curious", "astronaut.jpg", Pictures.bytes("astronaut.jpg")).status()).isEqualTo(401);
    }

    @Test
    void a_face_found_here_and_put_on_a_watchlist_is_hit_when_a_camera_sees_the_same_face() throws Exception {
        var investigator = as(Role.INVESTIGATOR);
        var listed = send(investigator, "FIR 95/2026", "astronaut.jpg", Pictures.bytes("astronaut.jpg")).json().get("faces").get(0);
        var seen = send(investigator, "FIR 95/2026", "astronaut-mirrored.png",
            png(Pictures.frameWith(Pictures.mirrored(Pictures.read("astronaut.jpg")), 0.7, 300, 100))).json().get("faces").get(0);
        var stranger = send(investigator, "FIR 95/2026", "face-swapped.jpg", Pictures.bytes("face-swapped.jpg")).json().get("faces").get(0);

        String name = Reporting.unique("Wanted person");
        var list = new HashMap<String, Object>(Map.of("name", Reporting.unique("Wanted persons"), "kind", "PERSON",
            "type", "WANTED_PERSON", "priority", "HIGH", "faceThreshold", 0.8));
        long listId = admin().post("/api/v1/watchlists", list).json().get("id").asLong();
        var added = admin().post("/api/v1/watchlists/" + listId + "/entries", Map.of("name", name, "embedding", embedding(listed),
            "model", listed.get("model").asString(), "reason", "FIR 95/2026"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant strangerAt = Instant.now().minusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant seenAt = strangerAt.plusSeconds(10);
        field.device().post("/api/v1/detections", Map.of("detections", List.of(
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", strangerAt.toString(), "kind", "face",
                "face", Map.of("model", stranger.get("model").asString(), "embedding", embedding(stranger))),
            Map.of("eventId", Reporting.eventId(), "cameraId", field.cameraId(), "observedAt", seenAt.toString(), "kind", "face",
                "face", Map.of("model", seen.get("model").asString(), "embedding", embedding(seen))))));

        var alert = awaitAlert(admin(), a -> name.equals(a.path("personName").asString("")), Duration.ofSeconds(5));
        assertThat(Instant.parse(alert.get("observedAt").asString())).as("the same face's sighting, not the stranger's").isEqualTo(seenAt);
        assertThat(alert.get("type").asString()).isEqualTo("FACE_HIT");
    }

    @Test
    void the_application_s_object_finder_is_the_shipped_model_and_finds_the_bus() {
        assertThat(objects.find(Pictures.read("street-bus.jpg"))).extracting(ObjectFinder.FoundObject::objectClass)
            .contains(ObjectFinder.ObjectClass.BUS, ObjectFinder.ObjectClass.CAR, ObjectFinder.ObjectClass.PERSON);
    }

    @Test
    void the_face_search_is_in_the_openapi_document_with_its_multipart_image() {
        var operation = anonymous.get("/v3/api-docs").json().get("paths").get("/api/v1/vision/faces").get("post");

        assertThat(operation.get("summary").asString()).contains("faces");
        assertThat(operation.get("requestBody").get("content").has("multipart/form-data")).isTrue();
        assertThat(operation.get("requestBody").get("content").get("multipart/form-data").get("schema").get("properties").has("image"))
            .isTrue();
    }

    private long audited(byte[] picture) {
        return jdbc.sql("select count(*) from identity.audit_entry where action = 'vision.faces-found' and target_id = ?")
            .param(sha256(picture)).query(Long.class).single();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

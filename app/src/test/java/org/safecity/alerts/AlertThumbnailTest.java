package org.safecity.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.alerts.Sightings.awaitAlert;
import static org.safecity.alerts.Sightings.forPlate;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An alert's picture: the plate crop its camera sent or SafeCity's own vision kept, read through the alert
 * under the alert's own access rules, each reading on the record.
 */
class AlertThumbnailTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageSettings storage;
    @TempDir
    Path folder;

    private long audited(long alertId) {
        return jdbc.sql("select count(*) from identity.audit_entry where action = 'alerts.thumbnail-read' and target_id = ?")
            .param(Long.toString(alertId)).query(Long.class).single();
    }

    private SafeCityApi.Response picture(SafeCityApi viewer, long alertId) {
        return viewer.download("/api/v1/alerts/" + alertId + "/thumbnail", folder.resolve("picture-" + System.nanoTime()));
    }

    @Test
    void the_plate_crop_a_camera_sent_is_the_alert_s_picture_for_its_city_only_and_each_reading_is_audited() throws IOException {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", batch(List.of(Sightings.plateReadWithCrop(field.cameraId(), plate, Instant.now()))));
        var operator = as("MRD", Role.OPERATOR);
        long id = awaitAlert(operator, forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();

        Path file = folder.resolve("shown.jpg");
        var shown = operator.download("/api/v1/alerts/" + id + "/thumbnail", file);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.contentType()).startsWith("image/jpeg");
        assertThat(shown.headers().get("x-thumbnail-source")).isEqualTo("plate-crop");
        assertThat(Files.readAllBytes(file)).isEqualTo(Sightings.plateCrop(plate));
        assertThat(audited(id)).isEqualTo(1);

        var elsewhere = picture(as("PSH", Role.OPERATOR), id);
        assertThat(elsewhere.status()).as("an operator of another city does not see the alert, nor its picture").isEqualTo(404);
        assertThat(picture(as("MRD", Role.INVESTIGATOR), id).status()).as("a role the alert feed does not admit").isEqualTo(403);
        assertThat(picture(anonymous, id).status()).isEqualTo(401);
        assertThat(audited(id)).as("refusals read nothing").isEqualTo(1);
    }

    @Test
    void the_crop_safecity_s_own_vision_kept_is_the_picture_of_its_read_s_alert() throws IOException {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "MEDIUM");
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now();
        String path = field.cameraId() + "/" + DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(at)
            + "/plate-" + at.toEpochMilli() + "-" + plate.toLowerCase() + ".jpg";
        Path crop = storage.dataDir().toAbsolutePath().resolve("media/vision/crops").resolve(path);
        // kept as vision keeps its crops: for SafeCity's account alone
        org.safecity.storage.OwnerOnly.folders(crop.getParent());
        Files.write(org.safecity.storage.OwnerOnly.file(crop), Sightings.plateCrop(plate));
        var item = new java.util.HashMap<>(plateRead(field.cameraId(), plate, at));
        item.put("plate", Map.of("text", plate, "confidence", 0.9, "crop", Map.of("path", path), "source", "vision"));
        field.device().post("/api/v1/detections", batch(List.of(item)));
        long id = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();

        Path file = folder.resolve("vision.jpg");
        var shown = as("MRD", Role.SUPERVISOR).download("/api/v1/alerts/" + id + "/thumbnail", file);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.headers().get("x-thumbnail-source")).isEqualTo("plate-crop");
        assertThat(Files.readAllBytes(file)).isEqualTo(Sightings.plateCrop(plate));
    }

    @Test
    void an_alert_with_no_picture_and_no_recording_answers_no_content_and_audits_nothing() {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "LOW");
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        long id = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5)).get("id").asLong();

        var none = admin().get("/api/v1/alerts/" + id + "/thumbnail");
        assertThat(none.status()).as("the alert is there; its picture is not").isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(audited(id)).isZero();
        var unknown = admin().get("/api/v1/alerts/999999999/thumbnail");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }
}

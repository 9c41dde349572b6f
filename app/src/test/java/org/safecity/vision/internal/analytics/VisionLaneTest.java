package org.safecity.vision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.traffic.Roadside;
import org.safecity.vision.internal.FaceFinder;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Point;
import org.safecity.vision.internal.VisionSettings;
import org.safecity.vision.internal.plates.CropStore;
import org.safecity.vision.internal.plates.PlateVoting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lane from analysis to detections, and the analytics settings API: what vision finds is stored
 * once through the detections intake, with its crop kept for the people allowed to see it, and raises
 * watchlist alerts and traffic violations like a device's detections.
 */
class VisionLaneTest extends IntegrationTest {

    private static final Map<String, Object> SETTINGS = Map.of(
        "plates", true, "objects", true, "framesPerSecond", 4,
        "regions", List.of(List.of(List.of(0, 0.2), List.of(1, 0.2), List.of(1, 1), List.of(0, 1))),
        "lines", List.of(Map.of("name", "stop line", "from", List.of(0, 0.6), "to", List.of(1, 0.6), "direction", "S",
            "opposite", "N", "rules", List.of(Map.of("type", "count"), Map.of("type", "wrong_way")))),
        "zones", List.of(Map.of("name", "bus stop", "polygon", List.of(List.of(0, 0.7), List.of(0.3, 0.7), List.of(0.3, 1)),
            "rules", List.of(Map.of("type", "loitering", "seconds", 120), Map.of("type", "crowding", "people", 12)))));

    @Autowired
    private ReportingFindings reporting;

    @Autowired
    private VisionSettings settings;

    @Autowired
    private CropStore crops;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void a_supervisor_sets_a_camera_s_analytics_and_an_operator_of_its_city_reads_them_back() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String path = "/api/v1/cameras/" + field.cameraId() + "/analytics";
        var operator = as("MRD", Role.OPERATOR);
        assertThat(operator.get(path).json().get("plates").asBoolean()).as("never set: off").isFalse();

        var put = as("MRD", Role.SUPERVISOR).put(path, SETTINGS);
        var read = operator.get(path).json();

        assertThat(put.status()).isEqualTo(200);
        assertThat(read.get("plates").asBoolean()).isTrue();
        assertThat(read.get("faces").asBoolean()).isFalse();
        assertThat(read.get("framesPerSecond").asDouble()).isEqualTo(4.0);
        assertThat(read.get("lines").get(0).get("direction").asString()).isEqualTo("S");
        assertThat(read.get("lines").get(0).get("rules").valueStream().map(r -> r.get("type").asString())).containsExactly("count", "wrong_way");
        assertThat(read.get("zones").get(0).get("rules").get(1).get("people").asInt()).isEqualTo(12);
        assertThat(read.get("changedBy").asString()).startsWith("test.supervisor");
        assertThat(jdbc.sql("select count(*) from identity.audit_entry where action = 'vision.analytics-set' and target_id = ?")
            .param(Long.toString(field.cameraId())).query(Long.class).single()).isEqualTo(1);
        var status = operator.get(path + "/status").json();
        assertThat(status.get("analysing").asBoolean()).isTrue();
        assertThat(status.has("framesSkipped")).isTrue();
    }

    @Test
    void settings_in_error_are_refused_field_by_field_and_change_nothing() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String path = "/api/v1/cameras/" + field.cameraId() + "/analytics";
        admin().put(path, SETTINGS);

        var refused = admin().put(path, Map.of("plates", "yes", "framesPerSecond", 30,
            "regions", List.of(List.of(List.of(0, 0), List.of(1.5, 0))),
            "lines", List.of(Map.of("name", "l", "from", List.of(0, 0.5), "to", List.of(0, 0.5))),
            "zones", List.of(Map.of("name", "z", "polygon", List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1)),
                "rules", List.of(Map.of("type", "loitering", "seconds", 1), Map.of("type", "dancing"))))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("plates", "framesPerSecond", "regions[0]", "lines[0].to", "lines[0].direction",
            "zones[0].rules[0].seconds", "zones[0].rules[1].type");
        assertThat(admin().get(path).json().get("framesPerSecond").asDouble()).isEqualTo(4.0);
    }

    @Test
    void only_supervisors_and_admins_of_the_camera_s_jurisdiction_change_its_analytics() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String path = "/api/v1/cameras/" + field.cameraId() + "/analytics";

        assertThat(as("MRD", Role.OPERATOR).put(path, SETTINGS).status()).isEqualTo(403);
        assertThat(as("KHT", Role.SUPERVISOR).put(path, SETTINGS).status()).isEqualTo(404);
        assertThat(as("KHT", Role.OPERATOR).get(path).status()).isEqualTo(404);
        assertThat(as("MRD", Role.DISPATCHER).get(path).status()).isEqualTo(403);
        assertThat(as("MRD", Role.ADMIN).put(path, SETTINGS).status()).isEqualTo(200);
    }

    @Test
    void a_plate_voted_over_frames_is_stored_once_though_reported_twice_with_its_crop_for_its_viewers_only() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String plate = Roadside.plate();
        var findings = plateFindings(field.cameraId(), plate, new Point(0.5, 0.4), new Point(0.5, 0.45));
        var analysis = new CameraAnalysis(field.cameraId(), settings);

        int first = reporting.report(analysis, findings, AnalyticsSettings.off());
        int again = reporting.report(analysis, findings, AnalyticsSettings.off());

        assertThat(first).isEqualTo(1);
        assertThat(again).as("the same camera, analyser and frame time").isZero();
        var stored = jdbc.sql("select plate, confidence, details::text, device_id from detections.sighting where camera_id = ?")
            .param(field.cameraId()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get(0)).isEqualTo(plate);
        assertThat(jdbc.sql("select name from registry.device where id = ?").param(Long.parseLong(stored.getFirst().get(3)))
            .query(String.class).single()).isEqualTo(ReportingFindings.DEVICE);
        var details = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored.getFirst().get(2));
        assertThat(details.path("plate").path("reads").asInt()).isEqualTo(3);
        assertThat(details.path("plate").path("source").asString()).isEqualTo("vision");
        assertThat(details.path("plate").path("box").path("width").asInt()).isEqualTo(120);
        String url = details.path("plate").path("crop").path("url").asString();
        var file = crops.file(details.path("plate").path("crop").path("path").asString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        var crop = as("MRD", Role.INVESTIGATOR).get(url);
        assertThat(crop.status()).isEqualTo(200);
        assertThat(crop.contentType()).startsWith("image/jpeg");
        assertThat(as("KHT", Role.INVESTIGATOR).get(url).status()).isEqualTo(404);
        assertThat(as("MRD", Role.DISPATCHER).get(url).status()).isEqualTo(403);
        assertThat(as("MRD", Role.OPERATOR).get(url.replace(".jpg", "x.jpg")).status()).isEqualTo(404);
    }

    @Test
    void a_watchlisted_plate_read_by_vision_raises_an_alert() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");

        reporting.report(new CameraAnalysis(field.cameraId(), settings), plateFindings(field.cameraId(), plate, new Point(0.5, 0.4),
            new Point(0.5, 0.45)), AnalyticsSettings.off());

        var alert = Sightings.awaitAlert(admin(), Sightings.forPlate(plate), Duration.ofSeconds(20));
        assertThat(alert.get("cameraId").asLong()).isEqualTo(field.cameraId());
    }

    @Test
    void a_plate_read_crossing_a_one_way_line_against_it_reaches_the_review_queue_as_a_smart_camera_s_would() {
        var field = Roadside.oneWayCamera(admin(), anonymous);
        String plate = Roadside.plate();
        var camera = ReadingAnalyticsSettings.read(tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(SETTINGS));

        // the plate moved up the picture across the stop line: northbound, against the road's S
        reporting.report(new CameraAnalysis(field.cameraId(), settings), plateFindings(field.cameraId(), plate, new Point(0.5, 0.8),
            new Point(0.5, 0.5)), camera);

        var violation = Roadside.awaitViolation(admin(), "PENDING", plate);
        assertThat(violation.get("offence").asString()).isEqualTo("WRONG_WAY");
    }

    @Test
    void a_scene_event_twice_for_the_same_frame_is_stored_once_as_an_analytic() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var event = new SceneEvent("wrong_way", "stop line", 7, Map.of("direction", "N", "allowedDirection", "S", "vehicleType", "car"));
        var findings = new CameraAnalysis.Findings(at, List.of(), List.of(event), List.of(), List.of());

        reporting.report(new CameraAnalysis(field.cameraId(), settings), findings, AnalyticsSettings.off());
        reporting.report(new CameraAnalysis(field.cameraId(), settings), findings, AnalyticsSettings.off());

        assertThat(jdbc.sql("select details -> 'analytic' ->> 'type' from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(String.class).list()).containsExactly("wrong_way");
    }

    @Test
    void a_face_found_with_its_embedding_is_stored_as_a_face_detection_of_its_model() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        Instant at = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        float[] embedding = new float[1024];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (float) Math.sin(i) / 22.6f;
        }
        var face = new FaceFinder.FoundFace(new PixelBox(300, 120, 80, 96), 0.93, embedding, "faceres-1024");
        var findings = new CameraAnalysis.Findings(at, List.of(), List.of(), List.of(face), List.of());

        int stored = reporting.report(new CameraAnalysis(field.cameraId(), settings), findings, AnalyticsSettings.off());

        assertThat(stored).isEqualTo(1);
        assertThat(jdbc.sql("select kind || ' ' || (details -> 'face' ->> 'model') from detections.sighting where camera_id = ?")
            .param(field.cameraId()).query(String.class).list()).containsExactly("face faceres-1024");
    }

    /** A plate read in three frames, voted, its centre moving between two points. */
    static CameraAnalysis.Findings plateFindings(long cameraId, String plate, Point from, Point to) {
        Instant at = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        var crop = new BufferedImage(160, 60, BufferedImage.TYPE_3BYTE_BGR);
        var g = crop.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(10, 10, 140, 40);
        g.dispose();
        var voted = new PlateVoting.Voted(plate, plate, "khyber-pakhtunkhwa", 0.91, 3, at, at.plusMillis(1000),
            new PixelBox(600, 400, 120, 40), crop, from, to);
        return new CameraAnalysis.Findings(at.plusMillis(1000), List.of(voted), List.of(), List.of(), List.of());
    }
}

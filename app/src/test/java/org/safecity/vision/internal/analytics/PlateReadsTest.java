package org.safecity.vision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.traffic.Roadside;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Point;
import org.safecity.vision.internal.VisionSettings;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plate reads vision reported, as the people who check them use them: listed with their crops within
 * a jurisdiction, marked wrong (kept with who and when, exported as the evidence set), a crop added to a
 * case with its custody, a violation raised from a read carrying the crop, and the boxes and status of
 * a camera's analysis.
 */
class PlateReadsTest extends IntegrationTest {

    @Autowired
    private ReportingFindings reporting;

    @Autowired
    private VisionSettings settings;

    @Autowired
    private WatchingCameras watching;

    private JsonNode readOf(long cameraId, String plate) {
        var listed = as("MRD", Role.OPERATOR).get("/api/v1/vision/reads?cameraId=" + cameraId);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        for (JsonNode read : listed.json().get("items")) {
            if (read.get("plate").asString().equals(plate)) {
                return read;
            }
        }
        throw new AssertionError("no read of " + plate + " listed: " + listed.body());
    }

    private JsonNode reported(String plate) {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var findings = VisionLaneTest.plateFindings(field.cameraId(), plate, new Point(0.5, 0.4), new Point(0.5, 0.45));
        reporting.report(new CameraAnalysis(field.cameraId(), settings), findings, AnalyticsSettings.off());
        reporting.report(new CameraAnalysis(field.cameraId(), settings), findings, AnalyticsSettings.off());
        return readOf(field.cameraId(), plate);
    }

    @Test
    void a_reported_read_is_listed_once_with_its_crop_for_its_city_and_not_for_another() {
        String plate = Roadside.plate();
        var read = reported(plate);

        assertThat(read.get("confidence").asDouble()).isEqualTo(0.91);
        assertThat(read.get("cityCode").asString()).isEqualTo("MRD");
        assertThat(read.hasNonNull("correction")).isFalse();
        assertThat(as("MRD", Role.TRAFFIC_REVIEWER).get(read.get("cropUrl").asString()).contentType()).startsWith("image/jpeg");
        assertThat(as("MRD", Role.OPERATOR).get("/api/v1/vision/reads?cameraId=" + read.get("cameraId").asLong()).json()
            .get("items").valueStream().filter(r -> r.get("plate").asString().equals(plate)).count()).as("reported twice, kept once").isEqualTo(1);
        assertThat(as("KHT", Role.OPERATOR).get("/api/v1/vision/reads?city=MRD").status()).isEqualTo(404);
        assertThat(as("KHT", Role.SUPERVISOR).get("/api/v1/vision/reads").body()).doesNotContain(plate);
        assertThat(as("MRD", Role.DISPATCHER).get("/api/v1/vision/reads").status()).isEqualTo(403);
        assertThat(as("MRD", Role.OPERATOR).get("/api/v1/vision/reads?limit=500").status()).isEqualTo(400);
    }

    @Test
    void a_read_marked_wrong_keeps_the_right_text_who_and_when_and_joins_the_exported_evaluation_set() {
        String plate = Roadside.plate();
        long id = reported(plate).get("id").asLong();
        var reviewer = as("MRD", Role.TRAFFIC_REVIEWER);

        var corrected = reviewer.put("/api/v1/vision/reads/" + id + "/correction", Map.of("text", "pr 4417"));
        var again = reviewer.put("/api/v1/vision/reads/" + id + "/correction", Map.of("text", "PR 4417"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        var correction = again.json().get("correction");
        assertThat(correction.get("text").asString()).isEqualTo("PR 4417");
        assertThat(correction.get("notAPlate").asBoolean()).isFalse();
        assertThat(correction.get("by").asString()).startsWith("test.traffic-reviewer");
        assertThat(Instant.parse(correction.get("at").asString())).isAfter(Instant.now().minusSeconds(60));
        var csv = as("MRD", Role.SUPERVISOR).get("/api/v1/vision/reads/corrections.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("read_id,camera_id,read_at,crop_path,read_text,right_text,not_a_plate");
        assertThat(csv.body().lines().filter(line -> line.startsWith(id + ",")).toList()).singleElement()
            .satisfies(line -> assertThat(line).contains("," + plate + ",PR 4417,false,"));
        assertThat(as("KHT", Role.SUPERVISOR).get("/api/v1/vision/reads/corrections.csv").body()).doesNotContain(plate);
    }

    @Test
    void a_read_is_marked_not_a_plate_and_a_correction_in_error_changes_nothing() {
        long id = reported(Roadside.plate()).get("id").asLong();
        var operator = as("MRD", Role.OPERATOR);
        String path = "/api/v1/vision/reads/" + id + "/correction";

        var both = operator.put(path, Map.of("text", "PR 4417", "notAPlate", true));
        var neither = operator.put(path, Map.of());
        var markup = operator.put(path, Map.of("text", "<b>PR</b>"));
        assertThat(List.of(both.status(), neither.status(), markup.status())).containsOnly(400);
        assertThat(both.isProblem()).isTrue();
        assertThat(operator.put("/api/v1/vision/reads/" + Long.MAX_VALUE + "/correction", Map.of("notAPlate", true)).status()).isEqualTo(404);
        assertThat(as("KHT", Role.OPERATOR).put(path, Map.of("notAPlate", true)).status()).isEqualTo(404);

        var marked = operator.put(path, Map.of("notAPlate", true));
        assertThat(marked.json().get("correction").get("notAPlate").asBoolean()).isTrue();
        assertThat(marked.json().get("correction").hasNonNull("text")).isFalse();
    }

    @Test
    void an_investigator_adds_a_read_s_crop_to_a_case_once_as_a_detection_image_with_its_custody() {
        long id = reported(Roadside.plate()).get("id").asLong();
        var investigator = as("MRD", Role.INVESTIGATOR);
        var opened = investigator.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() + "/2026", "policeStation", "City Mardan",
            "offence", "vehicle used in a snatching"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("id").asString();

        var added = investigator.post("/api/v1/vision/reads/" + id + "/evidence", Map.of("caseId", caseId));
        var retried = investigator.post("/api/v1/vision/reads/" + id + "/evidence", Map.of("caseId", caseId));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(200);
        String itemId = added.json().get("itemId").asString();
        assertThat(retried.json().get("itemId").asString()).isEqualTo(itemId);
        var item = investigator.get("/api/v1/evidence/" + itemId).json();
        assertThat(item.get("kind").asString()).isEqualTo("DETECTION_IMAGE");
        assertThat(item.get("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(item.get("caseId").asString()).isEqualTo(caseId);
        assertThat(item.get("source").asString()).isEqualTo("vision");
        var created = investigator.get("/api/v1/evidence/" + itemId + "/custody").json().get(0);
        assertThat(created.get("action").asString()).isEqualTo("created");
        assertThat(created.get("actor").asString()).startsWith("test.investigator");
        assertThat(investigator.get("/api/v1/cases/" + caseId).body()).contains(itemId);

        var outsider = as("MRD", Role.INVESTIGATOR);
        assertThat(outsider.post("/api/v1/vision/reads/" + id + "/evidence", Map.of("caseId", caseId)).status()).as("not on the case").isEqualTo(404);
        assertThat(as("MRD", Role.OPERATOR).post("/api/v1/vision/reads/" + id + "/evidence", Map.of("caseId", caseId)).status()).isEqualTo(403);
        assertThat(investigator.post("/api/v1/vision/reads/" + id + "/evidence", Map.of("caseId", "case 7")).status()).isEqualTo(400);
    }

    @Test
    void a_violation_raised_from_a_vision_read_carries_the_read_s_crop_as_its_plate_image() {
        var field = Roadside.oneWayCamera(admin(), anonymous);
        String plate = Roadside.plate();
        var camera = ReadingAnalyticsSettings.read(JsonMapper.builder().build().valueToTree(Map.of("plates", true, "lines",
            List.of(Map.of("name", "stop line", "from", List.of(0, 0.6), "to", List.of(1, 0.6), "direction", "S", "opposite", "N")))));

        reporting.report(new CameraAnalysis(field.cameraId(), settings), VisionLaneTest.plateFindings(field.cameraId(), plate,
            new Point(0.5, 0.8), new Point(0.5, 0.5)), camera);

        long violation = Roadside.awaitViolation(admin(), "PENDING", plate).get("id").asLong();
        var reviewer = as("MRD", Role.TRAFFIC_REVIEWER);
        var images = reviewer.get("/api/v1/violations/" + violation).json().get("images");
        assertThat(images.valueStream().map(i -> i.get("name").asString())).contains("plateImage.jpg");
        var image = reviewer.get("/api/v1/violations/" + violation + "/images/plateImage.jpg");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void the_boxes_of_a_camera_s_latest_analysed_frame_and_its_status_name_this_node() {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var analysis = watching.analysis(field.cameraId());
        analysis.lastBoxes = new CameraAnalysis.FrameBoxes(Instant.now(), 1280, 720, List.of(
            new CameraAnalysis.Box("plate", "PR 4417", 0.93, new PixelBox(600, 400, 120, 40)),
            new CameraAnalysis.Box("object", "car", 0.81, new PixelBox(500, 300, 320, 220))));

        var boxes = as("MRD", Role.DISPATCHER).get("/api/v1/cameras/" + field.cameraId() + "/analytics/boxes").json();
        var status = as("MRD", Role.OPERATOR).get("/api/v1/cameras/" + field.cameraId() + "/analytics/status").json();

        assertThat(boxes.get("width").asInt()).isEqualTo(1280);
        assertThat(boxes.get("ageMillis").asLong()).isBetween(0L, 60_000L);
        assertThat(boxes.get("boxes").valueStream().map(b -> b.get("label").asString())).containsExactly("PR 4417", "car");
        assertThat(boxes.get("boxes").get(1).get("height").asInt()).isEqualTo(220);
        assertThat(boxes.get("node").asString()).isEqualTo(WatchingCameras.NODE).isNotBlank();
        assertThat(status.get("node").asString()).isEqualTo(WatchingCameras.NODE);
        assertThat(status.hasNonNull("keepingUp")).as("not analysing: nothing to keep up with").isFalse();
        assertThat(as("KHT", Role.OPERATOR).get("/api/v1/cameras/" + field.cameraId() + "/analytics/boxes").status()).isEqualTo(404);
        assertThat(as("MRD", Role.TRAFFIC_REVIEWER).get("/api/v1/cameras/" + field.cameraId() + "/analytics/boxes").status()).isEqualTo(403);
        var never = Reporting.mardanCamera(admin(), anonymous);
        assertThat(admin().get("/api/v1/cameras/" + never.cameraId() + "/analytics/boxes").json().get("boxes").isEmpty()).isTrue();
    }

    @Test
    void keeping_up_is_told_from_the_frames_dropped_lately_and_the_time_a_frame_takes() {
        var analysis = new CameraAnalysis(1, settings);
        var frame = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < 5; i++) {
            analysis.look(frame, 0, Instant.now());
        }
        analysis.lastAnalysisMillis = 120.0;
        assertThat(analysis.status(true, "node-a", 4).get("keepingUp")).isEqualTo(true);
        assertThat(analysis.status(true, "node-a", 10).get("keepingUp")).as("120 ms a frame at 10 frames a second").isEqualTo(false);
        for (int i = 0; i < 10; i++) {
            analysis.look(frame, 3, Instant.now());
        }
        assertThat(analysis.status(true, "node-a", 4).get("keepingUp")).as("three of four frames dropped lately").isEqualTo(false);
        assertThat((double) analysis.status(true, "node-a", 4).get("recentSkippedShare")).isGreaterThan(0.05);
        assertThat(analysis.status(false, "node-a", 4).get("keepingUp")).isNull();
    }
}

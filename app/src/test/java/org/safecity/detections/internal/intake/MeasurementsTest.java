package org.safecity.detections.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.Measurements.SignalPhase;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.Actor;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a detection measured is read once, by the intake's reader: the typed values consumers get, what
 * a misshapen field does, and that a consumer catching up from the stored details gets the same.
 */
class MeasurementsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Actor.Machine DEVICE = new Actor.Machine(1, "NVR 1", Set.of(7L));
    private static final DetectionSettings SETTINGS = new DetectionSettings(50_000, 5000, Duration.ofMillis(10), Duration.ofSeconds(30),
        Duration.ofSeconds(1), Duration.ofSeconds(10), 3, new DetectionSettings.RetentionDays(90, 30, 30, 90, 180, 180), 1000, Duration.ofDays(3), 100_000);

    /** Reads one item as the intake does: its detection, or the reason it was refused. */
    private static ReadingDetections.Batch read(String kind, String body, String beside) {
        String item = "{\"eventId\":\"e-1\",\"cameraId\":7,\"observedAt\":\"2026-12-04T09:59:00Z\",\"kind\":\"" + kind + "\",\""
            + kind + "\":" + body + beside + "}";
        return ReadingDetections.read(JSON.readTree("[" + item + "]"), DEVICE, id -> true, ReadingDetections.OWN_ANALYTICS, NOW, SETTINGS);
    }

    private static Detection detection(String kind, String body, String beside) {
        var batch = read(kind, body, beside);
        assertThat(batch.rejected()).as("refused").isEmpty();
        return batch.valid().getFirst().detection();
    }

    /** What a consumer catching up from the table gets: the same reader over the stored details. */
    private static Measurements fromStoredDetails(Detection d) {
        var root = JSON.readTree(d.details());
        return ReadingDetections.measurements(d.kind(), root.path(d.kind().jsonName()), root.path("images"));
    }

    @Test
    void a_plate_read_brings_its_speed_direction_and_vehicle_class_typed() {
        var d = detection("plate", "{\"text\":\"PSH-1234\",\"confidence\":0.9,\"speedKmh\":72.5,\"direction\":\" N \","
            + "\"vehicleType\":\"Motorcycle\",\"colour\":\"red\"}", "");

        assertThat(d.measurements()).isEqualTo(new Measurements(72.5, "N", "motorcycle", null, null, null, null, null, null));
        assertThat(fromStoredDetails(d)).isEqualTo(d.measurements());
    }

    @Test
    void a_plate_read_with_nothing_measured_shares_the_one_empty_value() {
        var d = detection("plate", "{\"text\":\"PSH-1234\",\"confidence\":0.9,\"region\":\"PK-KP\"}", "");

        assertThat(d.measurements()).isSameAs(Measurements.NONE);
        assertThat(fromStoredDetails(d)).isSameAs(Measurements.NONE);
    }

    @Test
    void images_are_taken_from_the_kinds_object_then_the_items_then_the_nested_the_first_of_each_field_counting() {
        var d = detection("speed", "{\"speedKmh\":91,\"plate\":{\"text\":\"LEB 4321\"},\"plateConfidence\":0.7,"
            + "\"plateImage\":\"AAAA\",\"images\":{\"plateImage\":\"CCCC\",\"image\":\"DDDD\"},\"crop\":{\"path\":\"7/2026/a.jpg\"}}",
            ",\"images\":{\"sceneImage\":\"BBBB\",\"plateImage\":\"EEEE\"}");

        assertThat(d.measurements().images()).containsExactly(new Measurements.Image("sceneImage", "BBBB"),
            new Measurements.Image("image", "DDDD"), new Measurements.Image("plateImage", "AAAA"));
        assertThat(d.measurements().namedPlate()).isEqualTo("LEB 4321");
        assertThat(d.measurements().plateConfidence()).isEqualTo(0.7);
        assertThat(d.measurements().cropPath()).isEqualTo("7/2026/a.jpg");
        assertThat(d.measurements().speedKmh()).isEqualTo(91.0);
        assertThat(fromStoredDetails(d)).isEqualTo(d.measurements());
    }

    @Test
    void a_signal_reports_its_phase_as_a_value_and_an_unknown_phase_is_refused() {
        var d = detection("signal", "{\"phase\":\"red\",\"approach\":\"north \"}", "");

        assertThat(d.measurements().signalPhase()).isEqualTo(SignalPhase.RED);
        assertThat(d.measurements().approach()).isEqualTo("north");
        assertThat(read("signal", "{\"phase\":\"blue\"}", "").rejected()).singleElement()
            .satisfies(r -> assertThat(r.reason()).isEqualTo("signal.phase must be one of red, amber, green, off"));
    }

    @Test
    void a_misshapen_speed_refuses_the_item_with_its_reason_as_before() {
        assertThat(read("plate", "{\"text\":\"PSH-1234\",\"speedKmh\":\"fast\"}", "").rejected()).singleElement()
            .satisfies(r -> assertThat(r.reason()).isEqualTo("plate.speedKmh must be a number from 0 to 500"));
        assertThat(read("speed", "{\"speedKmh\":-3}", "").rejected()).singleElement()
            .satisfies(r -> assertThat(r.reason()).isEqualTo("speed.speedKmh must be a number from 0 to 500"));
    }

    @Test
    void other_misshapen_measurements_are_left_out_and_the_detection_is_stored_with_its_details_as_sent() {
        var d = detection("plate", "{\"text\":\"PSH-1234\",\"direction\":{\"deg\":90},\"vehicleType\":7,\"sceneImage\":42,"
            + "\"crop\":\"not-an-object\"}", "");

        assertThat(d.measurements()).as("nothing a rule could act on").isSameAs(Measurements.NONE);
        assertThat(d.details()).contains("\"direction\":{\"deg\":90}", "\"vehicleType\":7", "\"sceneImage\":42");
    }

    @Test
    void a_direction_in_degrees_is_kept_as_its_text_and_a_plate_confidence_out_of_range_is_left_out() {
        var d = detection("analytic", "{\"type\":\"crowd\",\"direction\":270,\"plate\":\"  \",\"plateConfidence\":4}", "");

        assertThat(d.measurements()).isEqualTo(new Measurements(null, "270", null, null, null, null, null, null, null));
    }

    @Test
    void an_accepted_detection_is_a_plain_value_that_survives_json() {
        var measured = new Measurements(50.0, "N", "car", SignalPhase.AMBER, "N", "LEB1", 0.8,
            java.util.List.of(new Measurements.Image("image", "AAAA")), "7/a.jpg");
        var placed = new AcceptedDetection(1, 2, "e-1", new Placement(7, "PSH-C-007", "Saddar Chowk", "PSH", "PSH-PS-03",
            new GeoPoint(34.0, 71.5)), DetectionKind.PLATE, NOW, NOW, "PSH1234", "PSH-1234", 0.9, null, null, null, measured);
        var unplaced = new AcceptedDetection(1, 2, "e-1", Placement.unknown(7), DetectionKind.FACE, NOW, NOW, null, null, null,
            new float[] {0.5f, 0.25f}, "arcface", null, Measurements.NONE);

        for (var detection : java.util.List.of(placed, unplaced)) {
            String json = JSON.writeValueAsString(detection);
            var back = JSON.readValue(json, AcceptedDetection.class);
            assertThat(back).usingRecursiveComparison().isEqualTo(detection);
            assertThat(JSON.readTree(json).path("placement").has("lat")).as("the point is flat: " + json).isTrue();
        }
    }
}

package org.safecity.detections.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.cluster.ClusterSettings;
import org.safecity.cluster.InstanceRoles;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.detections.internal.intake.Detection;
import org.safecity.detections.internal.storage.SightingRow;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.safecity.shared.Plate;

/** What travels on the detection stream: the records themselves as JSON, every field of them, read back equal. */
class DetectionStreamRecordsTest {

    private final DetectionStream stream = new DetectionStream(new StreamSettings("127.0.0.1:9", 6, 1, "t", Duration.ofSeconds(10)),
        new DetectionSettings(50000, 5000, Duration.ofMillis(10), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10),
            3, new DetectionSettings.RetentionDays(90, 30, 30, 90, 180, 180), 1000, Duration.ofDays(3), 100000),
        new InstanceRoles(new ClusterSettings("all", "t", "t", Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2)), true));

    private final Instant at = Instant.parse("2026-12-06T10:15:30.123456Z");

    @Test
    void an_item_as_read_comes_back_from_the_detections_topic_as_it_went() {
        var plate = new SightingRow(7, at.plusMillis(40), new Detection("ev-1", 42, at, DetectionKind.PLATE, Plate.of("leb-123"), 0.91,
            null, null, null, "{\"colour\":\"white\\ttab\",\"speed\":61.5}",
            new Measurements(61.5, null, "car", null, null, null, null, List.of(), null)),
            new Placement(42, "PSH-C042", "Saddar Chowk", "PSH", "PSH-Z1", new GeoPoint(34.0151, 71.5249)));
        var face = new SightingRow(7, at, new Detection("ev-2", 43, at, DetectionKind.FACE, null, 0.8, new float[] {0.25f, -1.5f, 3e-7f},
            "arcface-r100", null, "{}", Measurements.NONE), new Placement(43, null, null, "PSH", null, null));
        for (var row : new SightingRow[] {plate, face}) {
            var back = stream.readRow(bytes(row));
            assertThat(back).usingRecursiveComparison().isEqualTo(row);
        }
    }

    @Test
    void every_field_of_a_stored_detection_travels_without_naming_it_and_fields_unknown_to_a_reader_are_ignored() throws Exception {
        var stored = new AcceptedDetection(99, 7, "ev-1", new Placement(42, "PSH-C042", "Saddar Chowk", "PSH", "PSH-Z1",
            new GeoPoint(34.0151, 71.5249)), DetectionKind.FACE, at, at.plusMillis(3), "LEB123", "leb-123", 0.5,
            new float[] {1f, 2f}, "arcface-r100", "fire", new Measurements(null, "N", null, null, null, null, null, List.of(), null));
        String json = new String(bytes(stored), StandardCharsets.UTF_8);
        for (var component : AcceptedDetection.class.getRecordComponents()) {
            assertThat(json).contains("\"" + component.getName() + "\"");
        }
        assertThat(stream.readStored(bytes(stored))).usingRecursiveComparison().isEqualTo(stored);
        // an instance of a later version may add a field; this one reads the rest
        var later = json.replaceFirst("\\{", "{\"addedLater\":{\"x\":[1,2]},");
        assertThat(stream.readStored(later.getBytes(StandardCharsets.UTF_8))).usingRecursiveComparison().isEqualTo(stored);
        assertThat(Arrays.equals(stream.readStored(bytes(stored)).embedding(), stored.embedding())).isTrue();
    }

    private byte[] bytes(Object value) {
        return stream.write(value);
    }
}

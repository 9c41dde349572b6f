package org.safecity.detections.internal.intake;

import java.time.Instant;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.shared.Plate;

/**
 * One valid item of a batch.
 *
 * @param details the kind's own fields as JSON, kept as sent (minus the envelope fields)
 * @param measurements what SafeCity reads in those fields, read once
 */
public record Detection(String eventId, long cameraId, Instant observedAt, DetectionKind kind, Plate plate, Double confidence,
                 float[] embedding, String faceModel, String analytic, String details, Measurements measurements) {
}

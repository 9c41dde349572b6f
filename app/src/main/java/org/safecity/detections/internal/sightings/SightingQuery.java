package org.safecity.detections.internal.sightings;

import java.time.Instant;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.BoundingBox;

/**
 * A search of sightings, checked: a time range, and any of plate (exact or OCR-tolerant), kind, city,
 * camera and map box. {@code purpose} is why the person searches (a case number or free text).
 */
record SightingQuery(String plate, boolean fuzzy, DetectionKind kind, Instant from, Instant to, String city, Long cameraId,
                     BoundingBox box, String purpose, int limit) {
}

package org.safecity.detections;

import java.util.List;

/**
 * Detections newly stored, in the order they were stored (repeats of an earlier eventId are not in
 * it), as handed to each {@link DetectionConsumer}: one group commit, or several when the consumer
 * catches up.
 */
public record DetectionsAccepted(List<AcceptedDetection> detections) {
}

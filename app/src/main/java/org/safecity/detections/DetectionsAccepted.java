package org.safecity.detections;

import java.util.List;

/**
 * Detections newly stored in one group commit (repeats of an earlier eventId are not in it). Published
 * in the commit's transaction, so a listener is guaranteed to see it even if the server dies just after.
 */
public record DetectionsAccepted(List<AcceptedDetection> detections) {
}

package org.safecity.detections;

import java.util.List;

/**
 * The analytic detections (fire, fight, crowd, ...) of one group commit, published beside
 * {@link DetectionsAccepted} so that a module interested only in them does not receive, store and
 * read every plate of the group as well.
 */
public record AnalyticsDetected(List<AcceptedDetection> detections) {
}

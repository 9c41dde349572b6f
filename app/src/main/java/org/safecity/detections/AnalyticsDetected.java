package org.safecity.detections;

import java.util.List;

/**
 * The public-safety analytic detections (fire, fight, crowd, ...) of one group commit, published in
 * its transaction so that a module interested only in them does not receive, store and read every
 * plate of the group as well. Analytics that are traffic offences (no helmet, ...) are not in it:
 * they reach e-challan through {@link DetectionConsumer} like every other detection.
 */
public record AnalyticsDetected(List<AcceptedDetection> detections) {
}

package org.safecity.alerts;

import java.time.Instant;

/**
 * An alert was escalated, by a person or because nobody acknowledged it in time: the emergency
 * module turns it into an incident.
 *
 * @param plate the plate concerned, or null for an analytic or face alert
 */
public record AlertEscalated(long alertId, String type, String priority, long cameraId, double lat, double lon, String plate,
                             Instant at) {
}

package org.safecity.alerts;

import java.time.Instant;
import org.safecity.shared.Placement;

/**
 * An alert was escalated, by a person or because nobody acknowledged it in time: the emergency
 * module turns it into an incident.
 *
 * @param placement where the alert was raised: its camera, site, city, police station area and point, as the
 *                  alert recorded them (the point null when the camera had none)
 * @param plate the plate concerned, or null for an analytic or face alert
 */
public record AlertEscalated(long alertId, AlertType type, AlertPriority priority, Placement placement, String plate, Instant at) {
}

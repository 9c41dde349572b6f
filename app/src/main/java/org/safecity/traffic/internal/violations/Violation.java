package org.safecity.traffic.internal.violations;

import java.time.Instant;
import java.util.List;
import org.safecity.shared.Placement;

/**
 * An offence a rule found in a detection, awaiting or past review.
 *
 * @param placement where the detection was made, as the detection carried it (no point: a violation keeps none)
 * @param measurement JSON object of what the rule measured (speed and limit, signal phase, direction, ...)
 * @param approvedBy the reviewers who approved so far, each a different person
 */
public record Violation(long id, Long sightingId, String eventId, Long ruleId, Placement placement, String offence, Vehicle vehicle,
                 Instant observedAt, String measurement, Status status, int approvalsRequired, List<String> approvedBy,
                 String rejectReason, String challanNumber, Instant createdAt) {

    public enum Status { PENDING, APPROVED, REJECTED }

    /**
     * The vehicle as read: its plate (normalised, null when unreadable), the plate as the camera read it,
     * how sure the reading is, and its class as the device named it.
     */
    public record Vehicle(String plate, String plateAsRead, Double confidence, String vehicleType) {
    }
}

package org.safecity.traffic.internal.violations;

import java.time.Instant;
import java.util.List;

/**
 * An offence a rule found in a detection, awaiting or past review.
 *
 * @param measurement JSON object of what the rule measured (speed and limit, signal phase, direction, ...)
 * @param approvedBy the reviewers who approved so far, each a different person
 */
public record Violation(long id, Long sightingId, String eventId, Long ruleId, long cameraId, String cameraName, String siteName,
                 String cityCode, String zoneCode, String offence, String plate, String plateAsRead, Double confidence,
                 String vehicleType, Instant observedAt, String measurement, Status status, int approvalsRequired,
                 List<String> approvedBy, String rejectReason, String challanNumber, Instant createdAt) {

    public enum Status { PENDING, APPROVED, REJECTED }
}

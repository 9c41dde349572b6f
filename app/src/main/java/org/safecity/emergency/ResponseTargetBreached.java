package org.safecity.emergency;

import java.time.Duration;
import java.time.Instant;

/**
 * An incident missed a response target: no dispatch, or no arrival, within the time its priority
 * allows. Supervisors are told; the alerts module may route it when it exists.
 *
 * @param measure {@code CALL_TO_DISPATCH} or {@code DISPATCH_TO_ARRIVAL}
 */
public record ResponseTargetBreached(long incidentId, String measure, String priority, Duration target,
                                     String cityCode, String zoneCode, Instant detectedAt) {
}

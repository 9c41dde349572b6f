package org.safecity.emergency.internal.figures;

import java.time.Instant;
import org.safecity.emergency.internal.incidents.Priority;

/** A response target an incident missed. */
public record Breach(long id, long incidentId, String measure, Priority priority, int targetSeconds, Instant detectedAt,
              String cityCode, String zoneCode, String type) {
}

package org.safecity.emergency.internal;

import java.time.Instant;

/** A response target an incident missed. */
record Breach(long id, long incidentId, String measure, Priority priority, int targetSeconds, Instant detectedAt,
              String cityCode, String zoneCode, String type) {
}

package org.safecity.emergency;

import java.time.Instant;

/** A unit in service has not reported a position for longer than allowed. */
public record UnitWentSilent(long unitId, String callSign, String cityCode, Instant lastSeen, Instant detectedAt) {
}

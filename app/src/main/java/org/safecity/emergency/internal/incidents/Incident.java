package org.safecity.emergency.internal.incidents;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/**
 * An incident as stored; its calls, timeline and assignments are read beside it.
 *
 * @param disposition how it ended, once resolved or closed (null while open, and for incidents closed before it was asked)
 */
public record Incident(long id, String type, Priority priority, IncidentStatus status, String cityCode, String zoneCode,
                GeoPoint location, String address, String landmark, String description, IncidentSource source,
                Long panicButtonId, String alertId, String trackingId, Long mergedInto, Instant openedAt,
                Instant dispatchedAt, Instant arrivedAt, Instant resolvedAt, Instant closedAt, String openedBy,
                Disposition disposition) {
}

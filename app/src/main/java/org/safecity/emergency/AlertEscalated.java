package org.safecity.emergency;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/**
 * An operator escalated an alert (a watchlist hit, a camera analytic) to an incident. The alerts
 * module publishes it; emergency opens one incident per alert, linked to it, however often the
 * event is delivered.
 *
 * @param alertId the alert's id in the publishing module; the link and the idempotency key
 * @param incidentType an incident type code such as {@code ROBBERY}; unknown codes become {@code OTHER}
 * @param zoneCode may be null
 */
public record AlertEscalated(String alertId, String incidentType, String summary, GeoPoint location,
                             String cityCode, String zoneCode, String escalatedBy, Instant escalatedAt) {
}

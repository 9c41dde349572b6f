package org.safecity.emergency.internal.calls;

import java.time.Instant;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.shared.GeoPoint;

/**
 * What emergency needs to open an incident from an escalated alert.
 *
 * @param alertId the alert's id in the alerts module; the link and the idempotency key
 * @param incidentType an incident type code such as {@code ROBBERY}; unknown codes become {@code OTHER}
 * @param priority the incident's priority, or null for the type's default
 * @param zoneCode may be null
 */
record EscalatedAlert(String alertId, String incidentType, Priority priority, String summary, GeoPoint location,
                      String cityCode, String zoneCode, String escalatedBy, Instant escalatedAt) {
}

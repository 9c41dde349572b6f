package org.safecity.emergency;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/** A new incident, from a call, a panic button, an escalated alert or an EIDO import. */
public record IncidentOpened(long incidentId, String type, String priority, String source, String cityCode,
                             String zoneCode, GeoPoint location, Instant openedAt) {
}

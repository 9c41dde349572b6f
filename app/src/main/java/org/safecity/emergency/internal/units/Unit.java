package org.safecity.emergency.internal.units;

import java.time.Instant;
import java.util.List;
import org.safecity.emergency.UnitType;
import org.safecity.shared.GeoPoint;

/** A response unit: a police car or motorcycle squad, a Rescue 1122 ambulance or fire tender. */
public record Unit(long id, String callSign, UnitType type, String station, String cityCode, String zoneCode,
            List<String> capabilities, UnitStatus status, GeoPoint position, Instant positionAt, Instant lastSeen,
            Instant silentSince) {
}

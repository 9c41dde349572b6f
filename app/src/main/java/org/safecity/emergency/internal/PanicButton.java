package org.safecity.emergency.internal;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/** A premises' panic button: where it is, and whether its key still works. */
record PanicButton(long id, String premisesName, String premisesKind, String address, GeoPoint location,
                   String cityCode, String zoneCode, Instant createdAt, Instant revokedAt) {

    boolean revoked() {
        return revokedAt != null;
    }
}

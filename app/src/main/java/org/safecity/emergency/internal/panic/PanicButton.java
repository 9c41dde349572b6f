package org.safecity.emergency.internal.panic;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/** A premises' panic button: where it is, whether its key still works, and the premises of the partners register it belongs to (or null). */
public record PanicButton(long id, String premisesName, String premisesKind, String address, GeoPoint location,
                   String cityCode, String zoneCode, Instant createdAt, Instant revokedAt, Long premisesId) {

    boolean revoked() {
        return revokedAt != null;
    }
}

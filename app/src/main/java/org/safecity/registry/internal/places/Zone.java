package org.safecity.registry.internal.places;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/** A police station's area within a city; {@code centre} may be unknown. */
public record Zone(long id, String cityCode, String code, String name, GeoPoint centre, Instant retiredAt, String retireReason) {

    public boolean retired() {
        return retiredAt != null;
    }
}

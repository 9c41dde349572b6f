package org.safecity.emergency.internal.units;

import java.util.Optional;
import org.safecity.shared.GeoPoint;

/** Which city, and which police station's zone, a point lies in, as far as the camera network tells. */
public interface Whereabouts {

    record Place(String cityCode, String zoneCode) {
    }

    Optional<Place> of(GeoPoint point);
}

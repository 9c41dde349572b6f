package org.safecity.emergency.internal.units;

import org.safecity.shared.GeoPoint;

/**
 * A dispatched unit whose reported position comes within {@code radiusMetres} of the incident has
 * arrived, even if the crew has not pressed "on scene": the timer should stop when the car stops.
 */
public record ArrivalPolicy(double radiusMetres) {

    boolean arrived(GeoPoint unitPosition, GeoPoint incidentLocation) {
        return unitPosition.metresTo(incidentLocation) <= radiusMetres;
    }
}

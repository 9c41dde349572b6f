package org.safecity.emergency;

import java.time.Duration;
import org.safecity.shared.GeoPoint;

/**
 * How long a unit of a type takes to drive from one point to another. The built-in estimate is
 * distance with a road factor at a speed per unit type; a road router can replace it by providing
 * another bean of this type.
 */
public interface TravelTimeEstimate {

    Duration estimate(UnitType type, GeoPoint from, GeoPoint to);
}

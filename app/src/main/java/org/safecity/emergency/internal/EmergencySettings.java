package org.safecity.emergency.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.safecity.emergency.UnitType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Emergency response settings ({@code safecity.emergency.*}).
 *
 * @param cameraRadius metres around an incident in which cameras are shown with it
 * @param duplicateRadius metres within which two incidents of one type may be one
 * @param duplicateWindow how far apart in time two incidents of one type may be one
 * @param arrivalRadius metres from the incident at which a dispatched unit's position counts as arrival
 * @param unitSilentAfter a unit in service not heard from for this long is flagged silent
 * @param roadFactor how much longer the road is than the straight line, on average
 * @param speedKmh average speed per unit type through city traffic, for the built-in travel-time estimate
 * @param turnout time from dispatch until a unit is moving
 */
@ConfigurationProperties("safecity.emergency")
record EmergencySettings(@DefaultValue("300") double cameraRadius,
                         @DefaultValue("300") double duplicateRadius,
                         @DefaultValue("10m") Duration duplicateWindow,
                         @DefaultValue("75") double arrivalRadius,
                         @DefaultValue("5m") Duration unitSilentAfter,
                         @DefaultValue("1.4") double roadFactor,
                         Map<UnitType, Double> speedKmh,
                         @DefaultValue("60s") Duration turnout) {

    static final Map<UnitType, Double> DEFAULT_SPEEDS = Map.of(
        UnitType.POLICE_CAR, 35.0, UnitType.POLICE_MOTORCYCLE, 40.0, UnitType.AMBULANCE, 32.0, UnitType.FIRE_TENDER, 25.0);

    EmergencySettings {
        var speeds = new EnumMap<UnitType, Double>(DEFAULT_SPEEDS);
        if (speedKmh != null) {
            speeds.putAll(speedKmh);
        }
        speeds.forEach((type, kmh) -> {
            if (kmh == null || kmh <= 0) {
                throw new IllegalArgumentException("safecity.emergency.speed-kmh." + type + " must be above 0");
            }
        });
        speedKmh = Map.copyOf(speeds);
        if (roadFactor < 1) {
            throw new IllegalArgumentException("safecity.emergency.road-factor must be 1 or more");
        }
    }

    DuplicateIncidentPolicy duplicatePolicy() {
        return new DuplicateIncidentPolicy(duplicateRadius, duplicateWindow);
    }

    ArrivalPolicy arrivalPolicy() {
        return new ArrivalPolicy(arrivalRadius);
    }
}

package org.safecity.emergency.internal;

import java.time.Duration;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.calls.DuplicateIncidentPolicy;
import org.safecity.emergency.internal.units.ArrivalPolicy;
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
 * @param targetCheckInterval how often open incidents are checked against their response targets
 * @param silenceCheckInterval how often units in service are checked for silence
 */
@ConfigurationProperties("safecity.emergency")
public record EmergencySettings(@DefaultValue("300") double cameraRadius,
                         @DefaultValue("300") double duplicateRadius,
                         @DefaultValue("10m") Duration duplicateWindow,
                         @DefaultValue("75") double arrivalRadius,
                         @DefaultValue("5m") Duration unitSilentAfter,
                         @DefaultValue("1.4") double roadFactor,
                         @DefaultValue Speeds speedKmh,
                         @DefaultValue("60s") Duration turnout,
                         @DefaultValue("15s") Duration targetCheckInterval,
                         @DefaultValue("30s") Duration silenceCheckInterval) {

    /** Average speeds in km/h ({@code safecity.emergency.speed-kmh.police-car}, ...). */
    public record Speeds(@DefaultValue("35") double policeCar, @DefaultValue("40") double policeMotorcycle,
                  @DefaultValue("32") double ambulance, @DefaultValue("25") double fireTender) {

        public Speeds {
            if (!(policeCar > 0 && policeMotorcycle > 0 && ambulance > 0 && fireTender > 0)) {
                throw new IllegalArgumentException("safecity.emergency.speed-kmh.* must all be above 0");
            }
        }

        public double of(UnitType type) {
            return switch (type) {
                case POLICE_CAR -> policeCar;
                case POLICE_MOTORCYCLE -> policeMotorcycle;
                case AMBULANCE -> ambulance;
                case FIRE_TENDER -> fireTender;
            };
        }
    }

    public EmergencySettings {
        if (speedKmh == null) {
            speedKmh = new Speeds(35, 40, 32, 25);
        }
        if (roadFactor < 1) {
            throw new IllegalArgumentException("safecity.emergency.road-factor must be 1 or more");
        }
    }

    public DuplicateIncidentPolicy duplicatePolicy() {
        return new DuplicateIncidentPolicy(duplicateRadius, duplicateWindow);
    }

    public ArrivalPolicy arrivalPolicy() {
        return new ArrivalPolicy(arrivalRadius);
    }
}

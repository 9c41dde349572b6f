package org.safecity.emergency.internal.dispatch;

import java.time.Duration;
import org.safecity.emergency.TravelTimeEstimate;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.EmergencySettings;
import org.safecity.shared.GeoPoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The travel-time estimate used until a road router is plugged in: the straight-line distance
 * times a road factor, at the unit type's average speed, after the turnout time.
 */
record StraightLineTravelTime(EmergencySettings settings) implements TravelTimeEstimate {

    @Override
    public Duration estimate(UnitType type, GeoPoint from, GeoPoint to) {
        double metres = from.metresTo(to) * settings.roadFactor();
        double metresPerSecond = settings.speedKmh().of(type) / 3.6;
        return settings.turnout().plusSeconds(Math.round(metres / metresPerSecond));
    }

    @Configuration(proxyBeanMethods = false)
    static class Default {
        @Bean
        @ConditionalOnMissingBean(TravelTimeEstimate.class)
        TravelTimeEstimate straightLineTravelTime(EmergencySettings settings) {
            return new StraightLineTravelTime(settings);
        }
    }
}

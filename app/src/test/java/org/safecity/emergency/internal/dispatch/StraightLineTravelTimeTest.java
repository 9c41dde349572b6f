package org.safecity.emergency.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.EmergencySettings;
import org.safecity.shared.GeoPoint;

class StraightLineTravelTimeTest {

    private static EmergencySettings settings(EmergencySettings.Speeds speeds) {
        return new EmergencySettings(300, 300, Duration.ofMinutes(10), 75, Duration.ofMinutes(5), 1.5, speeds, Duration.ofSeconds(60),
            Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void the_estimate_is_turnout_plus_road_distance_at_the_unit_type_s_speed() {
        var from = new GeoPoint(34.0, 71.5);
        var to = from.offset(2_000, 90);
        var estimate = new StraightLineTravelTime(settings(new EmergencySettings.Speeds(35, 40, 36, 25)));

        // 2,000 m x 1.5 = 3,000 m at 10 m/s = 300 s, after 60 s
        assertThat(estimate.estimate(UnitType.AMBULANCE, from, to)).isEqualTo(Duration.ofSeconds(360));
    }

    @Test
    void unset_speeds_keep_their_defaults_and_a_motorcycle_beats_a_fire_tender() {
        var s = settings(null);
        var from = new GeoPoint(34.0, 71.5);
        var to = from.offset(3_000, 0);
        var estimate = new StraightLineTravelTime(s);

        assertThat(s.speedKmh().of(UnitType.FIRE_TENDER)).isEqualTo(25.0);
        assertThat(estimate.estimate(UnitType.POLICE_MOTORCYCLE, from, to)).isLessThan(estimate.estimate(UnitType.FIRE_TENDER, from, to));
    }
}

package org.safecity.traffic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuleTest {

    private static Rule cycle(int from, int to) {
        return new Rule(1, 1, Rule.Kind.SIGNAL, "SIGNAL_VIOLATION", "N", null, 90, from, to, Instant.parse("2026-01-01T00:00:00Z"),
            null, null, null, null, null, null, true, "test", Instant.EPOCH);
    }

    @Test
    void a_fixed_cycle_is_red_within_its_window_counted_from_the_epoch_in_every_cycle() {
        var rule = cycle(30, 60);

        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:29Z"))).isFalse();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:30Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:59Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:01:00Z"))).isFalse();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:02:10Z"))).isTrue(); // 130 s = second 40 of the second cycle
        assertThat(rule.fixedCycleRedAt(Instant.parse("2025-12-31T23:59:20Z"))).isTrue(); // before the epoch: second 50
    }

    @Test
    void a_red_window_may_wrap_the_end_of_the_cycle() {
        var rule = cycle(80, 10);

        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:01:25Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:01:35Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:40Z"))).isFalse();
    }

    @Test
    void vehicle_types_as_cameras_report_them_fall_into_the_classes_of_the_fine_schedule() {
        assertThat(FineSchedule.vehicleClass("Motorcycle")).isEqualTo("motorcycle");
        assertThat(FineSchedule.vehicleClass("bus")).isEqualTo("htv");
        assertThat(FineSchedule.vehicleClass("rickshaw")).isEqualTo("ltv");
        assertThat(FineSchedule.vehicleClass(null)).isEqualTo("car_jeep");
    }
}

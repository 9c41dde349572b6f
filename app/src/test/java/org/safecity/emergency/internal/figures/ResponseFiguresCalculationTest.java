package org.safecity.emergency.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.emergency.internal.incidents.Priority;

class ResponseFiguresCalculationTest {

    private static final Instant T = Instant.parse("2026-11-25T05:00:00Z");

    private static ResponseFigures.Row row(String zone, Instant opened, Integer toDispatch, Integer toArrival, int breaches) {
        Instant dispatched = toDispatch == null ? null : opened.plusSeconds(toDispatch);
        Instant arrived = toArrival == null ? null : dispatched.plusSeconds(toArrival);
        return new ResponseFigures.Row(1, "ROBBERY", Priority.P1, "PSH", zone, opened, dispatched, arrived, breaches, 0);
    }

    @Test
    void the_median_and_90th_percentile_interpolate_between_the_nearest_ranks() {
        var spread = ResponseFigures.spread(List.of(Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(20)));

        assertThat(spread.count()).isEqualTo(4);
        assertThat(spread.medianSeconds()).isEqualTo(25.0);   // between 20 and 30
        assertThat(spread.p90Seconds()).isEqualTo(37.0);      // rank 2.7: 30 + 0.7 x 10
    }

    @Test
    void one_value_is_its_own_median_and_none_gives_no_figure() {
        assertThat(ResponseFigures.spread(List.of(Duration.ofSeconds(75))).p90Seconds()).isEqualTo(75.0);
        assertThat(ResponseFigures.spread(List.of()).medianSeconds()).isNull();
    }

    @Test
    void incidents_are_grouped_by_city_zone_and_the_day_in_pakistan_time() {
        Instant lateEveningUtc = Instant.parse("2026-11-25T19:30:00Z"); // 00:30 on the 26th in Peshawar
        var groups = ResponseFigures.byCityZoneDay(List.of(row("SADDAR", T, 60, 300, 0), row("SADDAR", T, 120, null, 1),
            row("SADDAR", lateEveningUtc, 30, 30, 0), row(null, T, null, null, 0)), ZoneId.of("Asia/Karachi"));

        assertThat(groups).extracting(ResponseFigures.Group::day, ResponseFigures.Group::zoneCode, ResponseFigures.Group::incidents)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 25), null, 1),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 25), "SADDAR", 2),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 26), "SADDAR", 1));
        var saddar = groups.get(1);
        assertThat(saddar.callToDispatch().medianSeconds()).isEqualTo(90.0);
        assertThat(saddar.dispatchToArrival().count()).isEqualTo(1);
        assertThat(saddar.callToDispatchBreaches()).isEqualTo(1);
    }
}

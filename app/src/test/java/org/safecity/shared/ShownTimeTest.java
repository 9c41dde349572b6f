package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShownTimeTest {

    @Test
    void an_instant_is_written_in_pakistan_time_year_first_with_the_zone_said() {
        assertThat(ShownTime.of(Instant.parse("2026-12-04T16:05:33Z"))).isEqualTo("2026-12-04 21:05:33 PKT");
        // past midnight in Pakistan while still the day before in UTC
        assertThat(ShownTime.of(Instant.parse("2026-09-30T19:30:00Z"))).isEqualTo("2026-10-01 00:30:00 PKT");
        assertThat(ShownTime.date(Instant.parse("2026-09-30T19:30:00Z"))).isEqualTo("2026-10-01");
    }

    @Test
    void a_day_is_year_month_day() {
        assertThat(ShownTime.date(LocalDate.of(2026, 9, 7))).isEqualTo("2026-09-07");
        assertThat(ShownTime.of(null)).isEqualTo("—");
    }

    @Test
    void a_file_name_carries_pakistan_time_and_says_so_without_colons() {
        assertThat(ShownTime.inFileName(Instant.parse("2026-12-04T16:05:33.250Z"))).isEqualTo("2026-12-04_21-05-33_PKT");
    }
}

package org.safecity.detections.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safecity.detections.internal.DetectionSettings;

class ObservedAtTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:30:00Z", "2026-11-25T09:30:00.1Z", "2026-11-25T09:30:00.123Z",
        "2026-11-25T09:30:00.123456Z", "2026-11-25T09:30:00.123456789Z", "2024-02-29T23:59:59.999Z", "1999-12-31T00:00:00Z",
        "2026-11-25T09:30:00+05:00", "2016-12-31T23:59:60Z", "2026-11-25T24:00:00Z", "2026-11-25T09:30:00.Z"})
    void a_time_reads_as_instant_parse_reads_it(String text) {
        assertThat(ReadingDetections.utc(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:30:00Z", "2026-13-01T09:30:00Z", "2026-11-25T09:61:00Z", "2026-11-25T09:30Z",
        "2026-11-25 09:30:00Z", "2026-11-25T09:30:00", "2026-11-2aT09:30:00Z", "yesterday"})
    void what_is_not_a_utc_time_is_refused(String text) {
        assertThatThrownBy(() -> ReadingDetections.utc(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void a_repeat_window_of_less_than_a_day_is_refused_at_start() {
        assertThatThrownBy(() -> new DetectionSettings(10, 10, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(10), 3, new DetectionSettings.RetentionDays(90, 30, 30, 90, 180, 180), 1000, Duration.ZERO, 1000))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat-window");
    }
}

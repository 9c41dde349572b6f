package org.safecity.registry.internal.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RolloutProjectionTest {

    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 1);

    @Test
    void the_pace_so_far_is_carried_forward_to_the_planned_count() {
        // 100 days, 300 installed: 3 a day; 410 to go takes 137 more days (136.7 rounded up)
        LocalDate today = START.plusDays(100);

        var projection = RolloutProjection.of(START, DEADLINE, 710, 300, today, today);

        assertThat(projection.projectedCompletion()).isEqualTo(today.plusDays(137));
        assertThat(projection.onTrack()).isFalse();
        assertThat(projection.daysToDeadline()).isEqualTo(83);
    }

    @Test
    void a_phase_ahead_of_pace_is_on_track() {
        LocalDate today = START.plusDays(60);

        var projection = RolloutProjection.of(START, DEADLINE, 710, 500, today, today);

        assertThat(projection.projectedCompletion()).isBefore(DEADLINE);
        assertThat(projection.onTrack()).isTrue();
    }

    @Test
    void nothing_installed_means_no_projection() {
        var projection = RolloutProjection.of(START, DEADLINE, 710, 0, null, START.plusDays(10));

        assertThat(projection.projectedCompletion()).isNull();
        assertThat(projection.onTrack()).isTrue();
    }

    @Test
    void a_finished_phase_completed_on_its_last_installation() {
        LocalDate last = LocalDate.of(2026, 11, 2);

        var projection = RolloutProjection.of(START, DEADLINE, 710, 710, last, LocalDate.of(2026, 11, 25));

        assertThat(projection.projectedCompletion()).isEqualTo(last);
        assertThat(projection.onTrack()).isTrue();
    }

    @Test
    void a_phase_without_a_deadline_has_no_estimate() {
        assertThat(RolloutProjection.of(START, null, null, 0, null, START.plusDays(400)).onTrack()).isNull();
    }

    @Test
    void a_phase_not_yet_started_is_on_track_until_its_deadline_passes() {
        assertThat(RolloutProjection.of(START, DEADLINE, 710, 0, null, START.minusDays(5)).onTrack()).isTrue();
        assertThat(RolloutProjection.of(START, DEADLINE, 710, 0, null, DEADLINE.plusDays(1)).onTrack()).isFalse();
    }
}

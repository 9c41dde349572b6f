package org.safecity.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    @Test
    void a_new_alert_may_be_acknowledged_escalated_or_dismissed_but_not_closed() {
        assertThat(AlertLifecycle.refusal(AlertStatus.NEW, AlertLifecycle.Step.ACKNOWLEDGE)).isEmpty();
        assertThat(AlertLifecycle.refusal(AlertStatus.NEW, AlertLifecycle.Step.ESCALATE)).isEmpty();
        assertThat(AlertLifecycle.refusal(AlertStatus.NEW, AlertLifecycle.Step.DISMISS)).isEmpty();
        assertThat(AlertLifecycle.refusal(AlertStatus.NEW, AlertLifecycle.Step.CLOSE)).contains("An alert that is new cannot be closed.");
    }

    @Test
    void dismissed_and_closed_alerts_are_final() {
        for (var step : AlertLifecycle.Step.values()) {
            assertThat(AlertLifecycle.refusal(AlertStatus.DISMISSED, step)).isPresent();
            assertThat(AlertLifecycle.refusal(AlertStatus.CLOSED, step)).isPresent();
        }
    }

    @Test
    void a_repeat_within_the_window_is_the_same_alert_and_one_after_it_is_not() {
        var policy = new AlertDeduplicationPolicy(Duration.ofMinutes(5));
        Instant last = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(policy.isRepeat(last, last.plusSeconds(299))).isTrue();
        assertThat(policy.isRepeat(last, last.plusSeconds(301))).isFalse();
    }
}

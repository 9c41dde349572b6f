package org.safecity.detections.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safecity.detections.internal.DetectionSettings;

class BusyAnswerTest {

    @Test
    void a_refused_batch_is_answered_503_with_retry_after_and_told_to_resend_unchanged() {
        var settings = new DetectionSettings(10, 10, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(10), 3, new DetectionSettings.RetentionDays(90, 30, 30, 90, 180, 180), 1000, Duration.ofDays(3), 1000);
        var controller = new DetectionController(null, settings);

        var answer = controller.busy(new IntakeBusy("The detection queue is full; retry shortly."));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().getDetail()).contains("queue is full", "resend it unchanged");
    }
}

package org.safecity.evidence.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.cases.CaseStatus;

class RetentionPolicyTest {

    private static final Instant RECEIVED = Instant.parse("2020-01-01T00:00:00Z");
    private final RetentionPolicy policy = new RetentionPolicy(Map.of(EvidenceKind.PHOTO, Duration.ofDays(365)));

    private static EvidenceItem item(boolean held, UUID caseId) {
        return new EvidenceItem(UUID.randomUUID(), caseId, "0".repeat(64), 1, "image/png", EvidenceKind.PHOTO, "upload", null, null,
            "someone", RECEIVED, null, RECEIVED, "someone", held, held ? "appeal" : null, null, null, null);
    }

    @Test
    void an_item_of_a_closed_case_may_go_once_its_period_is_over_and_not_before() {
        var item = item(false, UUID.randomUUID());

        assertThat(policy.mayDispose(item, CaseStatus.CLOSED, RECEIVED.plus(Duration.ofDays(364)))).isFalse();
        assertThat(policy.mayDispose(item, CaseStatus.CLOSED, RECEIVED.plus(Duration.ofDays(365)))).isTrue();
    }

    @Test
    void a_legal_hold_keeps_an_item_however_old() {
        assertThat(policy.mayDispose(item(true, UUID.randomUUID()), CaseStatus.CLOSED, RECEIVED.plus(Duration.ofDays(10_000)))).isFalse();
    }

    @Test
    void an_open_case_keeps_its_items_however_old() {
        assertThat(policy.mayDispose(item(false, UUID.randomUUID()), CaseStatus.UNDER_TRIAL, RECEIVED.plus(Duration.ofDays(10_000)))).isFalse();
        assertThat(policy.mayDispose(item(false, null), null, RECEIVED.plus(Duration.ofDays(365)))).isTrue();
    }
}

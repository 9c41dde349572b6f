package org.safecity.emergency.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.emergency.internal.incidents.Incident;
import org.safecity.emergency.internal.incidents.IncidentSource;
import org.safecity.emergency.internal.incidents.IncidentStatus;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.shared.GeoPoint;

class DuplicateIncidentPolicyTest {

    private static final GeoPoint HERE = new GeoPoint(34.0080, 71.5785);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final DuplicateIncidentPolicy policy = new DuplicateIncidentPolicy(300, Duration.ofMinutes(10));

    private static Incident incident(long id, String type, GeoPoint where, Instant opened, IncidentStatus status) {
        return new Incident(id, type, Priority.P1, status, "PSH", null, where, null, null, "d", IncidentSource.CALL, null, null,
            "t" + id, null, opened, null, null, null, null, "test", null);
    }

    @Test
    void the_same_type_close_by_and_a_few_minutes_apart_is_a_likely_duplicate_nearest_first() {
        var reported = incident(1, "FIRE", HERE, NOW, IncidentStatus.NEW);
        var near = incident(2, "FIRE", HERE.offset(50, 0), NOW.minusSeconds(240), IncidentStatus.DISPATCHED);
        var nearer = incident(3, "FIRE", HERE.offset(20, 0), NOW.minusSeconds(60), IncidentStatus.NEW);

        assertThat(policy.likelyDuplicates(reported, List.of(near, nearer))).extracting(Incident::id).containsExactly(3L, 2L);
    }

    @Test
    void another_type_too_far_too_long_ago_or_already_resolved_is_not() {
        var reported = incident(1, "FIRE", HERE, NOW, IncidentStatus.NEW);
        var otherType = incident(2, "MEDICAL", HERE, NOW, IncidentStatus.NEW);
        var tooFar = incident(3, "FIRE", HERE.offset(400, 0), NOW, IncidentStatus.NEW);
        var tooLongAgo = incident(4, "FIRE", HERE, NOW.minus(Duration.ofMinutes(11)), IncidentStatus.NEW);
        var resolved = incident(5, "FIRE", HERE, NOW, IncidentStatus.RESOLVED);

        assertThat(policy.likelyDuplicates(reported, List.of(reported, otherType, tooFar, tooLongAgo, resolved))).isEmpty();
    }
}

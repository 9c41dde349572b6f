package org.safecity.emergency.internal.dispatch;

import java.time.Instant;

/** A unit sent to an incident, from dispatch until it is cleared. */
public record Assignment(long id, long incidentId, long unitId, String callSign, Instant dispatchedAt, String dispatchedBy,
                  Instant acknowledgedAt, Instant enRouteAt, Instant arrivedAt, Instant clearedAt, Integer etaSeconds) {

    public boolean active() {
        return clearedAt == null;
    }
}

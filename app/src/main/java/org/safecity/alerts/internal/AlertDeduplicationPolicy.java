package org.safecity.alerts.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The same plate on the same list passing the same camera again within the window is the same
 * event for an operator (a car waiting at a signal is read many times): it raises the count of the
 * open alert instead of raising another.
 */
record AlertDeduplicationPolicy(Duration window) {

    boolean isRepeat(Instant lastSeenOfOpenAlert, Instant observedAt) {
        return !observedAt.isBefore(lastSeenOfOpenAlert.minus(window)) && !observedAt.isAfter(lastSeenOfOpenAlert.plus(window));
    }
}

package org.safecity.alerts.internal;

import java.time.Clock;
import java.time.Duration;
import org.safecity.cluster.OncePerCluster;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets which sightings the alerts handled once they are a week old: an event handed over again comes
 * within minutes of its first delivery (hours, when a failing listener is retried), never a week later.
 */
@Component
class ForgettingHandledSightings {

    static final Duration KEPT = Duration.ofDays(7);

    private final AlertStore store;
    private final OncePerCluster oncePerCluster;
    private final Clock clock;

    ForgettingHandledSightings(AlertStore store, OncePerCluster oncePerCluster, Clock clock) {
        this.store = store;
        this.oncePerCluster = oncePerCluster;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forget() {
        if (oncePerCluster.mine("handled sightings")) {
            store.forgetHandledBefore(clock.instant().minus(KEPT));
        }
    }
}

package org.safecity.traffic.internal.rules;

import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.time.Clock;
import java.time.Duration;
import org.safecity.cluster.OncePerCluster;
import org.safecity.traffic.internal.TrafficSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops signal phases and section entries no rule can use any more: a violation keeps what it was
 * measured with, and the sightings themselves stay in detections for their own retention.
 */
@Component
class ForgettingReadings {

    private static final Logger log = LoggerFactory.getLogger(ForgettingReadings.class);
    /** Kept longer than any rule looks back, so a late group of detections still finds them. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final TrafficSettings settings;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    ForgettingReadings(JdbcClient jdbc, TrafficSettings settings, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
    void forget() {
        if (!oncePerCluster.mine("traffic old-readings")) {
            return; // another instance of the cluster runs it
        }
        var now = clock.instant();
        int phases = jdbc.sql("delete from traffic.signal_phase where at < ?")
            .param(ts(now.minus(KEPT.plus(settings.signalMemory())))).update();
        int passages = jdbc.sql("delete from traffic.passage where observed_at < ?")
            .param(ts(now.minus(KEPT.plus(settings.sectionTime())))).update();
        if (phases + passages > 0) {
            log.info("Forgot {} signal phases and {} section entries no rule can use any more", phases, passages);
        }
    }
}

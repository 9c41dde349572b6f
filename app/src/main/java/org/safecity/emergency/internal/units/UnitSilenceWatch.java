package org.safecity.emergency.internal.units;

import java.time.Clock;
import java.time.Instant;
import org.safecity.cluster.OncePerCluster;
import org.safecity.emergency.UnitWentSilent;
import org.safecity.emergency.internal.EmergencySettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags units in service that have not reported a position for longer than allowed: their place on
 * the map is a guess. Flagged once until the unit is heard from again; published for supervisors.
 */
@Component
class UnitSilenceWatch {

    private final UnitStore units;
    private final EmergencySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    UnitSilenceWatch(UnitStore units, EmergencySettings settings, ApplicationEventPublisher events, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.units = units;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safecity.emergency.silence-check-interval}", initialDelayString = "20s")
    void checkNow() {
        if (!oncePerCluster.mine("emergency silent-units")) {
            return; // another instance of the cluster runs it
        }
        check(clock.instant());
    }

    @Transactional
    int check(Instant now) {
        var silent = units.newlySilent(now.minus(settings.unitSilentAfter()));
        for (var unit : silent) {
            units.flagSilent(unit.id(), now);
            events.publishEvent(new UnitWentSilent(unit.id(), unit.callSign(), unit.cityCode(), unit.lastSeen(), now));
        }
        return silent.size();
    }
}

package org.safecity.detections.internal.storage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safecity.cluster.OncePerCluster;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.internal.DetectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops each kind's day partitions once the whole day is past that kind's retention: no row-by-row delete. */
@Component
class ApplyingRetention {

    private static final Logger log = LoggerFactory.getLogger(ApplyingRetention.class);

    private final DailyPartitions partitions;
    private final DetectionSettings settings;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    ApplyingRetention(DailyPartitions partitions, DetectionSettings settings, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.partitions = partitions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "0 47 0 * * *", zone = "UTC")
    void apply() {
        if (!oncePerCluster.mine("detections retention")) {
            return; // another instance of the cluster runs it
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (DetectionKind kind : DetectionKind.values()) {
            LocalDate oldestKept = today.minusDays(settings.retention(kind));
            for (LocalDate day : partitions.days(kind)) {
                if (day.isBefore(oldestKept)) {
                    partitions.drop(kind, day);
                    log.info("Dropped {} sightings of {} ({} days kept)", kind.jsonName(), day, settings.retention(kind));
                }
            }
        }
    }
}

package org.safecity.detections.internal.storage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safecity.cluster.OncePerCluster;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.internal.DetectionSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes each kind's partitions for today and the next days, so intake never waits on DDL at midnight. */
@Component
class PreparingPartitions {

    private final DailyPartitions partitions;
    private final DetectionSettings settings;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    PreparingPartitions(DailyPartitions partitions, DetectionSettings settings, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.partitions = partitions;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 * * * *", zone = "UTC")
    void prepare() {
        if (!oncePerCluster.mine("detections partitions")) {
            return; // another instance of the cluster runs it
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (DetectionKind kind : DetectionKind.values()) {
            for (int ahead = 0; ahead <= settings.partitionsAhead(); ahead++) {
                partitions.ensure(kind, today.plusDays(ahead));
            }
        }
    }
}

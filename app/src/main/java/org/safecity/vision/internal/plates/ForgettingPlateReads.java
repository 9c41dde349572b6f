package org.safecity.vision.internal.plates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safecity.cluster.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes plate reads older than {@code reads-kept-for} and their crops; reads marked wrong (the evaluation
 * set) stay until {@code corrected-reads-kept-for}. A crop added to a case goes too: the case holds the
 * evidence module's own sealed copy (content-addressed, with its custody log), never this file. A
 * violation keeps its own copy as well, so nothing but the reads page and alert thumbnails refer to it.
 */
@Component
class ForgettingPlateReads {

    private static final Logger log = LoggerFactory.getLogger(ForgettingPlateReads.class);
    /** Reads deleted in one statement: a backlog (the first run, a lowered setting) goes in short transactions. */
    static final int BATCH = 1000;

    private final PlateReadStore reads;
    private final CropStore crops;
    private final PlateReadingSettings settings;
    private final Clock clock;
    private final OncePerCluster oncePerCluster;

    ForgettingPlateReads(PlateReadStore reads, CropStore crops, PlateReadingSettings settings, Clock clock, OncePerCluster oncePerCluster) {
        this.reads = reads;
        this.crops = crops;
        this.settings = settings;
        this.clock = clock;
        this.oncePerCluster = oncePerCluster;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void forget() {
        if (!oncePerCluster.mine("vision plate reads retention")) {
            return; // another instance of the cluster runs it
        }
        Instant now = clock.instant();
        Instant readBefore = now.minus(settings.readsKeptFor());
        int deleted = 0;
        while (true) {
            var paths = reads.forget(readBefore, now.minus(settings.correctedReadsKeptFor()), BATCH);
            paths.forEach(crops::delete);
            deleted += paths.size();
            if (paths.size() < BATCH) {
                break;
            }
        }
        // whole days of crops before the cutoff's day (a crop's folder is its read's day): only reads kept longer have crops there
        LocalDate day = LocalDate.ofInstant(readBefore, ZoneOffset.UTC);
        var kept = reads.cropsOfReadsBefore(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        int unread = crops.deleteDaysBefore(day, kept::contains);
        if (deleted + unread > 0) {
            log.info("Deleted {} plate reads older than {} with their crops, and {} crops of no kept read", deleted,
                settings.readsKeptFor(), unread);
        }
    }
}

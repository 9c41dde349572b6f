package org.safecity.evidence.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.safecity.cluster.EveryInstance;
import org.safecity.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes {@code .part} files nobody is writing any more: uploads and export bundles cut short by a
 * crash or a kill, which their own clean-up on failure never got to run. An upload or export still
 * going writes to its file continually, so one untouched for {@link #ABANDONED_AFTER} is abandoned,
 * even with several SafeCity instances sharing the data directory. Runs at start-up and every hour.
 */
@Component
class AbandonedPartFiles {

    static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AbandonedPartFiles.class);
    private final List<Path> folders;
    private final Clock clock;

    AbandonedPartFiles(StorageSettings storage, Clock clock) {
        Path dataDir = storage.dataDir().toAbsolutePath().normalize();
        this.folders = List.of(dataDir.resolve("media/evidence/incoming"), dataDir.resolve("exports"));
        this.clock = clock;
    }

    @EveryInstance("removes files in this instance's own data directory")
    @Scheduled(initialDelay = 0, fixedDelay = 3_600_000)
    void sweep() {
        int removed = removeOlderThan(clock.instant().minus(ABANDONED_AFTER));
        if (removed > 0) {
            log.info("Removed {} abandoned upload or export file(s) (.part, untouched for {})", removed, ABANDONED_AFTER);
        }
    }

    /** Deletes the {@code .part} files last written before {@code cutoff}; answers how many. */
    int removeOlderThan(Instant cutoff) {
        int removed = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var parts = Files.newDirectoryStream(folder, "*.part")) {
                for (Path part : parts) {
                    try {
                        if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff) && Files.deleteIfExists(part)) {
                            removed++;
                        }
                    } catch (IOException e) {
                        log.warn("could not remove the abandoned file {}: {}", part, e.getMessage());
                    }
                }
            } catch (IOException e) {
                log.warn("could not look for abandoned files in {}: {}", folder, e.getMessage());
            }
        }
        return removed;
    }
}

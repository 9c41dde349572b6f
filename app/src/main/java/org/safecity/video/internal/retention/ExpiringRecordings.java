package org.safecity.video.internal.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safecity.cluster.OncePerCluster;
import org.safecity.registry.CameraDirectory;
import org.safecity.storage.StorageSettings;
import org.safecity.video.internal.Segment;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.VideoFolders;
import org.safecity.video.internal.VideoSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Deletes recordings past their time and beyond their disk quota, oldest first, in batches; a segment
 * overlapping a hold (incident, evidence, legal order) is never deleted. Rules: the camera's own, else its
 * city's, else the default days ({@code safecity.video.retention-days}); quotas per camera and per city.
 */
@Service
class ExpiringRecordings {

    /** What one pass deleted. */
    record Outcome(int segments, long bytes) {
    }

    private static final Logger log = LoggerFactory.getLogger(ExpiringRecordings.class);
    private static final int BATCH = 500;

    private final SegmentStore segments;
    private final RetentionRuleStore rules;
    private final CameraDirectory cameras;
    private final VideoSettings settings;
    private final Path root;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    ExpiringRecordings(SegmentStore segments, RetentionRuleStore rules, CameraDirectory cameras, VideoSettings settings,
                      StorageSettings storage, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.segments = segments;
        this.rules = rules;
        this.cameras = cameras;
        this.settings = settings;
        this.root = VideoFolders.root(storage);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safecity.video.retention-interval}", initialDelayString = "${safecity.video.retention-interval}")
    void scheduled() {
        if (!oncePerCluster.mine("video retention")) {
            return; // another instance of the cluster runs it
        }
        var outcome = apply();
        if (outcome.segments() > 0) {
            log.info("video retention deleted {} segments ({} bytes)", outcome.segments(), outcome.bytes());
        }
    }

    synchronized Outcome apply() {
        Instant now = clock.instant();
        Map<String, RetentionRule> byCamera = new HashMap<>();
        Map<String, RetentionRule> byCity = new HashMap<>();
        for (var rule : rules.all()) {
            ("CAMERA".equals(rule.scope()) ? byCamera : byCity).put(rule.subject(), rule);
        }
        Map<Long, String> cityOf = cameras.streams().stream()
            .collect(Collectors.toMap(c -> c.camera().id(), c -> c.camera().cityCode(), (a, b) -> a));
        Map<Long, Long> bytes = new HashMap<>(segments.bytesByCamera());
        var total = new int[1];
        var freed = new long[1];
        Function<List<Segment>, Long> delete = batch -> {
            long size = remove(batch);
            total[0] += batch.size();
            freed[0] += size;
            batch.forEach(s -> bytes.merge(s.cameraId(), -s.bytes(), Long::sum));
            return size;
        };

        for (long camera : List.copyOf(bytes.keySet())) {
            RetentionRule own = byCamera.get(Long.toString(camera));
            RetentionRule city = byCity.get(cityOf.get(camera));
            int days = own != null && own.days() != null ? own.days()
                : city != null && city.days() != null ? city.days() : settings.retentionDays();
            Instant before = now.minus(Duration.ofDays(days));
            List<Segment> batch;
            while (!(batch = segments.deletable(List.of(camera), before, BATCH)).isEmpty()) {
                delete.apply(batch);
            }
            if (own != null && own.quotaBytes() != null) {
                overQuota(List.of(camera), own.quotaBytes(), bytes, now, delete);
            }
        }
        for (var city : byCity.values()) {
            if (city.quotaBytes() == null) {
                continue;
            }
            var inCity = bytes.keySet().stream().filter(id -> city.subject().equals(cityOf.get(id))).toList();
            overQuota(inCity, city.quotaBytes(), bytes, now, delete);
        }
        return new Outcome(total[0], freed[0]);
    }

    /** Deletes the oldest unheld segments of these cameras until their bytes fit the quota (or nothing more may go). */
    private void overQuota(List<Long> cameraIds, long quota, Map<Long, Long> bytes, Instant now, Function<List<Segment>, Long> delete) {
        long used = cameraIds.stream().mapToLong(id -> bytes.getOrDefault(id, 0L)).sum();
        while (used > quota) {
            var oldest = segments.deletable(cameraIds, now, BATCH);
            if (oldest.isEmpty()) {
                return;
            }
            var batch = new ArrayList<Segment>();
            for (var s : oldest) {
                if (used <= quota) {
                    break;
                }
                batch.add(s);
                used -= s.bytes();
            }
            delete.apply(batch);
        }
    }

    /** Removes the files, then their index rows. */
    private long remove(List<Segment> batch) {
        long size = 0;
        for (var s : batch) {
            try {
                Files.deleteIfExists(root.resolve(s.path()));
            } catch (IOException e) {
                log.warn("could not delete {}: {}", s.path(), e.getMessage());
            }
            size += s.bytes();
        }
        segments.delete(batch.stream().map(Segment::id).toList());
        return size;
    }
}

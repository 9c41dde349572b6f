package org.safecity.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.video.CameraWentDark;
import org.safecity.watchlists.WatchlistHit;
import org.safecity.watchlists.WatchlistHits;
import org.springframework.stereotype.Service;

/**
 * Turns watchlist hits and analytic detections into alerts for the operators of the camera's city:
 * a new alert, or a higher count on the open one when the same thing is seen again within the window.
 */
@Service
class RaisingAlerts {

    /** Analytics that put life at risk go to the top of the feed. */
    static final Set<String> URGENT_ANALYTICS = Set.of("fire", "smoke", "fight");

    private final AlertStore store;
    private final CameraDirectory cameras;
    private final AlertDeduplicationPolicy deduplication;
    private final AlertStream stream;
    private final Clock clock;

    RaisingAlerts(AlertStore store, CameraDirectory cameras, AlertSettings settings, AlertStream stream, Clock clock) {
        this.store = store;
        this.cameras = cameras;
        this.deduplication = new AlertDeduplicationPolicy(settings.repeatWindow());
        this.stream = stream;
        this.clock = clock;
    }

    /**
     * One transaction for a group's hits, with the open alerts they may repeat read in one go: a repeat
     * within the group counts on the alert its first hit raised.
     */
    @RaisedOnAlertThread
    void on(WatchlistHits hits) {
        store.serialise();
        var open = store.openRepeatsOf(hits.hits().stream().filter(h -> h.plate() != null).map(RaisingAlerts::repeatKey)
            .collect(java.util.stream.Collectors.toSet()));
        var placed = new HashMap<Long, Optional<CameraSummary>>();
        for (WatchlistHit hit : hits.hits()) {
            var key = hit.plate() == null ? null : repeatKey(hit);
            var repeated = key == null ? null : open.get(key);
            if (repeated != null && deduplication.isRepeat(repeated.lastSeenAt(), hit.observedAt())) {
                store.repeated(repeated.id(), hit.observedAt());
                store.append(repeated.id(), "REPEATED", "system", "seen again at " + hit.observedAt(), clock.instant());
                if (hit.observedAt().isAfter(repeated.lastSeenAt())) {
                    open.put(key, new AlertStore.OpenAlert(repeated.id(), hit.observedAt()));
                }
            } else {
                var camera = placed.computeIfAbsent(hit.cameraId(), cameras::find);
                String type = "FACE".equals(hit.matchedBy()) ? "FACE_HIT" : "WATCHLIST_HIT";
                var alert = draft(type, hit.priority(), camera, hit.cameraId(), hit.observedAt(), hit.receivedAt())
                    .plate(hit.plate(), hit.plateRead()).person(hit.personName())
                    .list(hit.listId(), hit.listName(), hit.entryReason(), hit.matchedBy(), hit.score())
                    .matched(hit.entryId(), hit.sightingId());
                long id = store.raise(alert.build(), hit.listName() + ": " + hit.entryReason(), clock.instant());
                if (key != null) {
                    open.put(key, new AlertStore.OpenAlert(id, hit.observedAt()));
                }
            }
        }
        stream.wakeAfterCommit();
    }

    private static AlertStore.RepeatKey repeatKey(WatchlistHit hit) {
        return new AlertStore.RepeatKey(hit.listId(), hit.cameraId(), hit.plate());
    }

    @RaisedOnAlertThread
    void on(AnalyticsDetected accepted) {
        boolean raised = false;
        for (AcceptedDetection d : accepted.detections()) {
            if (d.kind() != DetectionKind.ANALYTIC) {
                continue;
            }
            if (!raised) {
                store.serialise();
            }
            var open = store.openAnalyticRepeatOf(d.cameraId(), d.analytic());
            if (open.isPresent() && deduplication.isRepeat(open.get().lastSeenAt(), d.observedAt())) {
                store.repeated(open.get().id(), d.observedAt());
                store.append(open.get().id(), "REPEATED", "system", "seen again at " + d.observedAt(), clock.instant());
            } else {
                String priority = URGENT_ANALYTICS.contains(d.analytic()) ? "HIGH" : "MEDIUM";
                var alert = draft("ANALYTIC", priority, cameras.find(d.cameraId()), d.cameraId(), d.observedAt(), d.receivedAt())
                    .analytic(d.analytic(), d.confidence());
                store.raise(alert.build(), d.analytic().replace('_', ' '), clock.instant());
            }
            raised = true;
        }
        if (raised) {
            stream.wakeAfterCommit();
        }
    }

    /** A recorded camera went dark: the operators of its city should know its picture is gone. */
    @RaisedOnAlertThread
    void on(CameraWentDark dark) {
        store.serialise();
        var alert = draft("CAMERA_OFFLINE", "MEDIUM", cameras.find(dark.cameraId()), dark.cameraId(), dark.at(), dark.at())
            .reason(dark.lastDataAt() == null ? "no video since recording started: " + dark.reason()
                : "no video since " + dark.lastDataAt() + ": " + dark.reason());
        store.raise(alert.build(), "camera offline", clock.instant());
        stream.wakeAfterCommit();
    }

    private Draft draft(String type, String priority, Optional<CameraSummary> camera, long cameraId, Instant observedAt,
                        Instant receivedAt) {
        return new Draft(type, priority, camera.orElse(null), cameraId, observedAt, receivedAt, clock.instant());
    }

    /** Collects an alert's fields before it is stored. */
    private static final class Draft {
        private final String type;
        private final String priority;
        private final CameraSummary camera;
        private final long cameraId;
        private final Instant observedAt;
        private final Instant receivedAt;
        private final Instant now;
        private String plate;
        private String plateRead;
        private String person;
        private String analytic;
        private Long listId;
        private String listName;
        private Long entryId;
        private Long sightingId;
        private String reason;
        private String matchedBy;
        private Double score;

        Draft(String type, String priority, CameraSummary camera, long cameraId, Instant observedAt, Instant receivedAt, Instant now) {
            this.type = type;
            this.priority = priority;
            this.camera = camera;
            this.cameraId = cameraId;
            this.observedAt = observedAt;
            this.receivedAt = receivedAt;
            this.now = now;
        }

        Draft plate(String plate, String read) {
            this.plate = plate;
            this.plateRead = read;
            return this;
        }

        Draft person(String name) {
            this.person = name;
            return this;
        }

        Draft analytic(String analytic, Double confidence) {
            this.analytic = analytic;
            this.score = confidence;
            return this;
        }

        Draft reason(String why) {
            this.reason = why;
            return this;
        }

        Draft list(long id, String name, String why, String by, double score) {
            this.listId = id;
            this.listName = name;
            this.reason = why;
            this.matchedBy = by;
            this.score = score;
            return this;
        }

        /** Which entry matched which stored sighting: the way from the alert to the listing and to the read. */
        Draft matched(long entry, long sighting) {
            this.entryId = entry;
            this.sightingId = sighting;
            return this;
        }

        Alert build() {
            return new Alert(0, type, priority, AlertStatus.NEW, plate, plateRead, person, analytic, cameraId,
                camera == null ? null : camera.name(), camera == null ? null : camera.siteName(),
                camera == null ? null : camera.cityCode(), camera == null ? null : camera.zoneCode(),
                camera == null || camera.location() == null ? null : camera.location().lat(),
                camera == null || camera.location() == null ? null : camera.location().lon(), listId, listName, entryId, sightingId,
                reason, matchedBy, score, 1, null, observedAt, receivedAt, now, observedAt, null, null, null, null);
        }
    }
}

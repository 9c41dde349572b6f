package org.safecity.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.safecity.alerts.AlertPriority;
import org.safecity.alerts.AlertType;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.Placement;
import org.safecity.video.CameraWentDark;
import org.safecity.watchlists.WatchlistHit;
import org.safecity.watchlists.WatchlistHits;
import org.springframework.stereotype.Service;

/**
 * Turns watchlist hits and analytic detections into alerts for the operators of the camera's city:
 * a new alert, or a higher count on the open one when the same thing is seen again within the window.
 * Hits and detections carry where they were seen; only a camera gone dark is looked up in the registry.
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
     * within the group counts on the alert its first hit raised. A hit handled before (the group handed
     * over again) is left alone.
     */
    @RaisedOnAlertThread
    void on(WatchlistHits hits) {
        store.serialise();
        var first = store.firstHandled(hits.hits().stream().map(RaisingAlerts::handled).toList(), clock.instant());
        var fresh = hits.hits().stream().filter(h -> first.contains(handled(h))).toList();
        if (fresh.isEmpty()) {
            return;
        }
        var open = store.openRepeatsOf(fresh.stream().filter(h -> h.entry().plate() != null).map(RaisingAlerts::repeatKey)
            .collect(java.util.stream.Collectors.toSet()));
        for (WatchlistHit hit : fresh) {
            var key = hit.entry().plate() == null ? null : repeatKey(hit);
            var repeated = key == null ? null : open.get(key);
            if (repeated != null && deduplication.isRepeat(repeated.lastSeenAt(), hit.observedAt())) {
                store.repeated(repeated.id(), hit.observedAt());
                store.append(repeated.id(), "REPEATED", "system", "seen again at " + hit.observedAt(), clock.instant());
                if (hit.observedAt().isAfter(repeated.lastSeenAt())) {
                    open.put(key, new AlertStore.OpenAlert(repeated.id(), hit.observedAt()));
                }
            } else {
                var alert = new Alert(0, hit.matchedBy() == WatchlistHit.MatchedBy.FACE ? AlertType.FACE_HIT : AlertType.WATCHLIST_HIT,
                    priority(hit.list().priority()), AlertStatus.NEW,
                    new Alert.Subject(hit.entry().plate(), hit.plateRead(), hit.entry().personName(), null), hit.placement(),
                    new Alert.Match(hit.list().id(), hit.list().name(), hit.entry().id(), hit.sightingId(), hit.matchedBy().name(),
                        hit.score()),
                    hit.entry().reason(), 1, null, raisedNow(hit.observedAt(), hit.receivedAt()), null);
                long id = store.raise(alert, hit.list().name() + ": " + hit.entry().reason(), clock.instant());
                if (key != null) {
                    open.put(key, new AlertStore.OpenAlert(id, hit.observedAt()));
                }
            }
        }
        stream.wakeAfterCommit();
    }

    private static AlertPriority priority(WatchlistHit.Priority listPriority) {
        return switch (listPriority) {
            case HIGH -> AlertPriority.HIGH;
            case MEDIUM -> AlertPriority.MEDIUM;
            case LOW -> AlertPriority.LOW;
        };
    }

    private static AlertStore.RepeatKey repeatKey(WatchlistHit hit) {
        return new AlertStore.RepeatKey(hit.list().id(), hit.placement().cameraId(), hit.entry().plate());
    }

    /** Each analytic detection not handled before raises an alert, or counts on the open one of its camera and analytic. */
    @RaisedOnAlertThread
    void on(AnalyticsDetected accepted) {
        var analytics = accepted.detections().stream().filter(d -> d.kind() == DetectionKind.ANALYTIC).toList();
        if (analytics.isEmpty()) {
            return;
        }
        store.serialise();
        var first = store.firstHandled(analytics.stream().map(RaisingAlerts::handled).toList(), clock.instant());
        boolean raised = false;
        for (AcceptedDetection d : analytics) {
            if (!first.contains(handled(d))) {
                continue;
            }
            var open = store.openAnalyticRepeatOf(d.cameraId(), d.analytic());
            if (open.isPresent() && deduplication.isRepeat(open.get().times().lastSeenAt(), d.observedAt())) {
                store.repeated(open.get().id(), d.observedAt());
                store.append(open.get().id(), "REPEATED", "system", "seen again at " + d.observedAt(), clock.instant());
            } else {
                var alert = new Alert(0, AlertType.ANALYTIC, URGENT_ANALYTICS.contains(d.analytic()) ? AlertPriority.HIGH : AlertPriority.MEDIUM,
                    AlertStatus.NEW, new Alert.Subject(null, null, null, d.analytic()), d.placement(),
                    new Alert.Match(null, null, null, null, null, d.confidence()), null, 1, null, raisedNow(d.observedAt(), d.receivedAt()),
                    null);
                store.raise(alert, d.analytic().replace('_', ' '), clock.instant());
            }
            raised = true;
        }
        if (raised) {
            stream.wakeAfterCommit();
        }
    }

    private static AlertStore.Handled handled(WatchlistHit hit) {
        return new AlertStore.Handled(hit.sightingId(), hit.entry().id());
    }

    private static AlertStore.Handled handled(AcceptedDetection analytic) {
        return new AlertStore.Handled(analytic.sightingId(), AlertStore.Handled.ANALYTIC);
    }

    /** A recorded camera went dark: the operators of its city should know its picture is gone. */
    @RaisedOnAlertThread
    void on(CameraWentDark dark) {
        store.serialise();
        var placement = cameras.find(dark.cameraId())
            .map(c -> new Placement(c.id(), c.name(), c.siteName(), c.cityCode(), c.zoneCode(), c.location()))
            .orElse(Placement.unknown(dark.cameraId()));
        var alert = new Alert(0, AlertType.CAMERA_OFFLINE, AlertPriority.MEDIUM, AlertStatus.NEW, new Alert.Subject(null, null, null, null),
            placement, new Alert.Match(null, null, null, null, null, null),
            dark.lastDataAt() == null ? "no video since recording started: " + dark.reason()
                : "no video since " + dark.lastDataAt() + ": " + dark.reason(), 1, null, raisedNow(dark.at(), dark.at()), null);
        store.raise(alert, "camera offline", clock.instant());
        stream.wakeAfterCommit();
    }

    /** The times of an alert raised now: first and last seen when observed. */
    private Alert.Times raisedNow(Instant observedAt, Instant receivedAt) {
        return new Alert.Times(observedAt, receivedAt, clock.instant(), observedAt, null, null, null);
    }
}

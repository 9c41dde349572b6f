package org.safecity.emergency.internal.calls;

import java.util.Optional;
import org.safecity.alerts.AlertEscalated;
import org.safecity.alerts.AlertPriority;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.FollowUp;
import org.safecity.shared.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns each alert the alerts module escalates into an incident linked to it, at the camera that
 * raised it. Runs after the publisher's commit in its own transaction; the event publication
 * registry keeps the event until this completes.
 */
@Component
class AlertEscalations {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalations.class);

    private final OpeningIncidents opening;
    private final CameraDirectory cameras;

    AlertEscalations(OpeningIncidents opening, CameraDirectory cameras) {
        this.opening = opening;
        this.cameras = cameras;
    }

    @FollowUp
    void on(AlertEscalated alert) {
        // the alert carries where it was raised; the registry is asked only for a camera that had no position then
        var camera = alert.placement().point() == null ? cameras.find(alert.placement().cameraId()) : Optional.<CameraSummary>empty();
        long incidentId = opening.fromAlert(incidentFor(alert, camera));
        log.info("Escalated alert {} is incident {}", alert.alertId(), incidentId);
    }

    /** At the alert's placement (its camera's position now when it had none), its priority carried over. */
    static EscalatedAlert incidentFor(AlertEscalated alert, Optional<CameraSummary> camera) {
        var placement = alert.placement();
        GeoPoint location = placement.point() != null ? placement.point()
            : camera.map(CameraSummary::location).orElseThrow(() -> new IllegalArgumentException(
                "alert " + alert.alertId() + " has no position and its camera " + placement.cameraId() + " is unknown"));
        String site = placement.siteName() != null ? placement.siteName() : camera.map(CameraSummary::siteName).orElse(null);
        String where = site == null ? " at camera " + placement.cameraId() : " at " + site + " (camera " + placement.cameraId() + ")";
        String what = switch (alert.type()) {
            case WATCHLIST_HIT -> "Watchlisted vehicle " + alert.plate();
            case FACE_HIT -> "Watchlisted person (face match)";
            case ANALYTIC, CAMERA_OFFLINE -> "Camera analytic alert";
        };
        String city = placement.cityCode() != null ? placement.cityCode() : camera.map(CameraSummary::cityCode).orElse(null);
        String zone = placement.cityCode() != null ? placement.zoneCode() : camera.map(CameraSummary::zoneCode).orElse(null);
        return new EscalatedAlert(Long.toString(alert.alertId()), "OTHER", priority(alert.priority()),
            what + where + ", escalated alert " + alert.alertId(), location, city, zone, "alerts", alert.at());
    }

    private static Priority priority(AlertPriority alertPriority) {
        return switch (alertPriority) {
            case HIGH -> Priority.P1;
            case MEDIUM -> Priority.P2;
            case LOW -> Priority.P3;
        };
    }
}

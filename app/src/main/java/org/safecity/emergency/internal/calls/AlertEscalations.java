package org.safecity.emergency.internal.calls;

import java.util.Optional;
import org.safecity.alerts.AlertEscalated;
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
        long incidentId = opening.fromAlert(incidentFor(alert, cameras.find(alert.cameraId())));
        log.info("Escalated alert {} is incident {}", alert.alertId(), incidentId);
    }

    /** The alert's own position when it has one, else its camera's; its priority carried over. */
    static EscalatedAlert incidentFor(AlertEscalated alert, Optional<CameraSummary> camera) {
        boolean positioned = alert.lat() != 0 || alert.lon() != 0;
        GeoPoint location = positioned ? new GeoPoint(alert.lat(), alert.lon())
            : camera.map(CameraSummary::location).orElseThrow(() -> new IllegalArgumentException(
                "alert " + alert.alertId() + " has no position and its camera " + alert.cameraId() + " is unknown"));
        String where = camera.map(c -> " at " + c.siteName() + " (camera " + c.id() + ")").orElse(" at camera " + alert.cameraId());
        String what = switch (alert.type()) {
            case "WATCHLIST_HIT" -> "Watchlisted vehicle " + alert.plate();
            case "FACE_HIT" -> "Watchlisted person (face match)";
            default -> "Camera analytic alert";
        };
        return new EscalatedAlert(Long.toString(alert.alertId()), "OTHER", priority(alert.priority()),
            what + where + ", escalated alert " + alert.alertId(), location,
            camera.map(CameraSummary::cityCode).orElse(null), camera.map(CameraSummary::zoneCode).orElse(null),
            "alerts", alert.at());
    }

    private static Priority priority(String alertPriority) {
        if (alertPriority == null) {
            return null;
        }
        return switch (alertPriority) {
            case "CRITICAL", "HIGH" -> Priority.P1;
            case "MEDIUM" -> Priority.P2;
            case "LOW" -> Priority.P3;
            default -> null;
        };
    }
}

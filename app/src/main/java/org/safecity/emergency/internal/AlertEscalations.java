package org.safecity.emergency.internal;

import org.safecity.emergency.AlertEscalated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns each escalated alert into an incident linked to it. Runs after the publisher's commit in
 * its own transaction; the event publication registry keeps the event until this completes.
 */
@Component
class AlertEscalations {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalations.class);

    private final OpeningIncidents opening;

    AlertEscalations(OpeningIncidents opening) {
        this.opening = opening;
    }

    @ApplicationModuleListener
    void on(AlertEscalated alert) {
        long incidentId = opening.fromAlert(alert);
        log.info("Escalated alert {} is incident {}", alert.alertId(), incidentId);
    }
}

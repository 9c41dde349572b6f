package org.safecity.alerts.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.safecity.alerts.AlertPriority;
import org.safecity.alerts.AlertType;
import org.safecity.shared.Placement;

/**
 * An alert as operators see it. Its parts are flat in JSON, one object as operators have always read it.
 *
 * @param subject what was seen: a plate, a person, an analytic
 * @param placement where: the camera, site, city, police station area and point, as the detection carried them
 * @param match for a watchlist or face hit, the list entry and the sighting it matched; empty otherwise
 */
record Alert(long id, AlertType type, AlertPriority priority, AlertStatus status, @JsonUnwrapped Subject subject,
             @JsonUnwrapped Placement placement, @JsonUnwrapped Match match, String reason, int count, String assignee,
             @JsonUnwrapped Times times, String dismissReason) {

    /** What the alert is about; the fields of its type, the others null. */
    record Subject(String plate, String plateRead, String personName, String analytic) {
    }

    /**
     * Which list entry matched which stored sighting, how and how well: the way from the alert to the
     * listing and to the read. {@code score} is an analytic's confidence for an analytic alert.
     */
    record Match(Long listId, String listName, Long entryId, Long sightingId, String matchedBy, Double score) {
    }

    /** When it was seen, reached SafeCity, was raised, last seen again, and moved along its lifecycle. */
    record Times(Instant observedAt, Instant receivedAt, Instant createdAt, Instant lastSeenAt, Instant acknowledgedAt,
                 Instant escalatedAt, Instant closedAt) {
    }
}

package org.safecity.alerts.internal;

import java.time.Instant;

/** An alert as operators see it. */
record Alert(long id, String type, String priority, AlertStatus status, String plate, String plateRead, String personName,
             String analytic, long cameraId, String cameraName, String siteName, String cityCode, String zoneCode, Double lat,
             Double lon, Long listId, String listName, Long entryId, Long sightingId, String reason, String matchedBy, Double score,
             int count, String assignee, Instant observedAt, Instant receivedAt, Instant createdAt, Instant lastSeenAt,
             Instant acknowledgedAt, Instant escalatedAt, Instant closedAt, String dismissReason) {
}

package org.safecity.detections.internal.storage;

import java.time.Instant;
import org.safecity.detections.internal.intake.Detection;
import org.safecity.shared.Placement;

/** A detection ready to store: who sent it, when it arrived, and where its camera stands. */
public record SightingRow(long deviceId, Instant receivedAt, Detection detection, Placement placement) {

    /** The idempotency key as the unique index sees it. */
    String key() {
        return deviceId + "\u0001" + detection.eventId() + "\u0001" + detection.kind().jsonName() + "\u0001"
            + detection.observedAt().toEpochMilli() * 1000 + detection.observedAt().getNano() / 1000 % 1000;
    }
}

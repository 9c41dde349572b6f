package org.safecity.video.internal.retention;

import java.time.Instant;

/** Footage of a camera that retention keeps while the hold stands. */
record Hold(long id, long cameraId, Instant from, Instant to, String kind, String reference, String reason, String createdBy,
            Instant createdAt, Instant releasedAt, String releasedBy) {
}

package org.safecity.video.internal;

import java.time.Instant;
import java.util.UUID;

/** An exported clip; {@code path} (relative to the video folder) is set once it is READY. */
record Clip(UUID id, long cameraId, Instant from, Instant to, UUID caseId, String status, Long bytes, String sha256, String path,
            UUID evidenceItemId, String error, String requestedBy, Instant requestedAt, Instant finishedAt) {
}

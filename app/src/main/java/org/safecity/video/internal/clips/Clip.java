package org.safecity.video.internal.clips;

import java.time.Instant;
import java.util.UUID;

/**
 * An exported clip; {@code path} (relative to the video folder) is set once it is READY. {@code from} and
 * {@code to} are what was asked for; {@code firstFrameAt} and {@code lastFrameAt} are the times of the
 * first and last pictures it holds (set once READY), the first often a little before {@code from}.
 */
record Clip(UUID id, long cameraId, Instant from, Instant to, UUID caseId, String status, Long bytes, String sha256, String path,
            UUID evidenceItemId, String error, String requestedBy, Instant requestedAt, Instant finishedAt, Instant firstFrameAt,
            Instant lastFrameAt) {
}

package org.safecity.video.internal.recording;

import java.time.Instant;

/** A recorded camera's health as its recorder sees it (the HTTP contract of {@code /cameras/{id}/health}). */
public record CameraHealth(long cameraId, boolean online, Instant lastSeen, Double bitrateKbps, Double fps, Instant lastKeyframeAt,
                    long uptimeTodaySeconds, boolean recording, int restartsToday, String lastError) {
}

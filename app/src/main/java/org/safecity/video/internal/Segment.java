package org.safecity.video.internal;

import java.time.Duration;
import java.time.Instant;

/** A closed recorded segment; {@code path} is relative to the video folder. */
public record Segment(long id, long cameraId, Instant start, Instant end, String path, long bytes, Instant runStartedAt) {

    public double seconds() {
        return Duration.between(start, end).toMillis() / 1000.0;
    }
}

package org.safecity.video.internal.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What is known of the stream's health; written by the recorder thread, read by requests. */
final class StreamHealth {
    volatile Instant startedAt;
    volatile Instant lastDataAt;
    volatile Instant lastKeyframeAt;
    volatile Double fps;
    volatile Double bitrateKbps;
    volatile String lastError;
    volatile boolean running;
    volatile boolean dark;
    volatile Instant lastSegmentEnd;
    volatile Instant lastSegmentRun = Instant.EPOCH;
    private LocalDate day;
    private long uptimeMillis;
    private int restarts;
    synchronized void flowing(Instant now) {
        rollDay(now);
        if (lastDataAt != null && !dark) {
            uptimeMillis += Math.min(2_000, Duration.between(lastDataAt, now).toMillis());
        }
        lastDataAt = now;
    }

    synchronized void restarted(Instant now) {
        rollDay(now);
        restarts++;
    }

    synchronized void segment(Instant start, Instant end, long bytes, int frames, Instant run) {
        long millis = Duration.between(start, end).toMillis();
        if (millis > 0) {
            bitrateKbps = Math.round(bytes * 8.0 / millis * 10) / 10.0;
            fps = frames <= 0 ? null : Math.round(frames * 10_000.0 / millis) / 10.0;
        }
        lastSegmentEnd = end;
        lastSegmentRun = run;
    }

    private void rollDay(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            uptimeMillis = 0;
            restarts = 0;
        }
    }

    synchronized CameraHealth view(long cameraId, Instant now, boolean recording) {
        rollDay(now);
        return new CameraHealth(cameraId, !dark && lastDataAt != null, lastDataAt, dark ? null : bitrateKbps, fps,
            lastKeyframeAt, uptimeMillis / 1000, recording, restarts, lastError);
    }
}

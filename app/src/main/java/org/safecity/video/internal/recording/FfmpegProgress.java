package org.safecity.video.internal.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * FFmpeg's {@code -progress} output: key=value lines every second. With stream copy it has no frame
 * count, but {@code out_time_us} (how far the output has got) moves on as long as video arrives.
 */
final class FfmpegProgress {

    private final Clock clock;

    FfmpegProgress(Clock clock) {
        this.clock = clock;
    }

    volatile long outTimeMicros;
    /** The wall-clock time of the output's timestamp 0: the earliest (least delayed) of now - out_time seen. */
    private volatile long anchorMillis = Long.MAX_VALUE;

    Instant anchor() {
        return anchorMillis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(anchorMillis);
    }

    void read(Process p) {
        try (var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("out_time_us=")) {
                    try {
                        outTimeMicros = Long.parseLong(line.substring(12).strip());
                        if (outTimeMicros > 0) {
                            anchorMillis = Math.min(anchorMillis, clock.millis() - outTimeMicros / 1000);
                        }
                    } catch (NumberFormatException ignored) {
                        // N/A before the first packet
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}

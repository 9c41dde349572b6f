package org.safecity.video.internal.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.safecity.storage.StorageSettings;
import org.safecity.video.CameraStills;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.VideoFolders;
import org.safecity.video.internal.VideoSettings;
import org.safecity.video.internal.recording.RecordingStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link CameraStills} by FFmpeg: one frame decoded at the moment's offset in the recorded segment that
 * holds it, or in the live segment written just after it while the recording's segment is still open.
 */
@Component
class StillsOfMoments implements CameraStills {

    private static final Logger log = LoggerFactory.getLogger(StillsOfMoments.class);
    /** A live segment's file is written when it ends; one ending this long after the moment does not hold it. */
    private static final Duration LIVE_REACH = Duration.ofSeconds(30);
    /** Two decodes at a time: a feed opening with many thumbnails must not take every core from recording. */
    private final Semaphore decoding = new Semaphore(2);

    private final SegmentStore segments;
    private final RecordingStreams recording;
    private final VideoSettings settings;
    private final Ffmpeg ffmpeg;
    private final Path root;

    StillsOfMoments(SegmentStore segments, RecordingStreams recording, VideoSettings settings, Ffmpeg ffmpeg, StorageSettings storage) {
        this.segments = segments;
        this.recording = recording;
        this.settings = settings;
        this.ffmpeg = ffmpeg;
        this.root = VideoFolders.root(storage);
    }

    @Override
    public Optional<byte[]> at(long cameraId, Instant moment, int maxWidth) {
        if (maxWidth < 64 || maxWidth > 1920) {
            throw new IllegalArgumentException("a still is 64 to 1920 pixels wide, not " + maxWidth);
        }
        var recorded = segments.overlapping(cameraId, moment, moment.plusMillis(1)).stream()
            .filter(s -> Files.exists(root.resolve(s.path()))).findFirst();
        if (recorded.isPresent()) {
            return frame(root.resolve(recorded.get().path()), Duration.between(recorded.get().start(), moment), maxWidth);
        }
        return live(cameraId, moment).flatMap(found -> frame(found.file(), found.offset(), maxWidth));
    }

    private record Found(Path file, Duration offset) {
    }

    /** The first live segment whose file was finished at or after the moment: it began a segment's length before. */
    private Optional<Found> live(long cameraId, Instant moment) {
        var recorder = recording.recorder(cameraId);
        if (recorder.isEmpty() || !Files.isDirectory(recorder.get().liveFolder())) {
            return Optional.empty();
        }
        record Written(Path file, Instant at) {
        }
        List<Written> written;
        try (var files = Files.list(recorder.get().liveFolder())) {
            written = files.filter(f -> f.getFileName().toString().endsWith(".ts")).map(f -> {
                try {
                    return new Written(f, Files.getLastModifiedTime(f).toInstant());
                } catch (IOException gone) {
                    return null; // removed by the live playlist meanwhile
                }
            }).filter(w -> w != null && !w.at().isBefore(moment) && w.at().isBefore(moment.plus(LIVE_REACH)))
                .sorted(Comparator.comparing(Written::at)).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (written.isEmpty()) {
            return Optional.empty();
        }
        var first = written.getFirst();
        Duration offset = settings.liveSegmentLength().minus(Duration.between(moment, first.at()));
        return Optional.of(new Found(first.file(), offset.isNegative() ? Duration.ZERO : offset));
    }

    private Optional<byte[]> frame(Path file, Duration offset, int maxWidth) {
        String seconds = String.format(Locale.ROOT, "%.3f", Math.max(0, offset.toMillis()) / 1000.0);
        try {
            decoding.acquire();
            try {
                // seeking after the input decodes from the segment's start: an MPEG-TS segment's timestamps do not
                // start at 0, and seeking before the input misses its frames
                byte[] jpeg = ffmpeg.run(List.of("-hide_banner", "-loglevel", "error", "-i", file.toString(), "-ss", seconds,
                    "-frames:v", "1", "-vf", "scale='min(" + maxWidth + ",iw)':-2", "-q:v", "5", "-c:v", "mjpeg", "-f", "image2pipe",
                    "pipe:1"), 20);
                return jpeg.length == 0 ? Optional.empty() : Optional.of(jpeg);
            } finally {
                decoding.release();
            }
        } catch (IOException e) {
            log.debug("no still of {} at {}: {}", file, seconds, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package org.safecity.video.internal.clips;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.safecity.evidence.EvidenceIntake;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.IntakeDetails;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.ShownTime;
import org.safecity.storage.StorageSettings;
import org.safecity.storage.OwnerOnly;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.Segment;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.VideoFolders;
import org.safecity.video.internal.VideoSettings;
import org.safecity.video.internal.retention.HoldingFootage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Exports a time range of a camera's recordings as one MP4: the segments are concatenated and cut at
 * the range's end with stream copy (no re-encoding, so the pictures are the recorded ones, bit for bit);
 * it begins at the start of the segment holding the range's start (at most one segment length early),
 * and the clip's record, its evidence item and the MP4's {@code creation_time} give the times of the
 * first and last pictures it really holds.
 * With a case, the clip becomes a sealed evidence item and its footage is held; either way it can be
 * downloaded. The work runs in the background; the clip's status says when it is READY or FAILED.
 */
@Service
public class ExportingClips {

    private static final Logger log = LoggerFactory.getLogger(ExportingClips.class);

    private final ClipStore clips;
    private final SegmentStore segments;
    private final Ffmpeg ffmpeg;
    private final EvidenceIntake evidence;
    private final HoldingFootage holds;
    private final VideoSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path root;
    private final ExecutorService work = Executors.newFixedThreadPool(1, Thread.ofPlatform().name("clip-export-", 0).daemon().factory());

    ExportingClips(ClipStore clips, SegmentStore segments, Ffmpeg ffmpeg, EvidenceIntake evidence, HoldingFootage holds,
                   VideoSettings settings, AuditTrail audit, Clock clock, StorageSettings storage) {
        this.clips = clips;
        this.segments = segments;
        this.ffmpeg = ffmpeg;
        this.evidence = evidence;
        this.holds = holds;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.root = VideoFolders.root(storage);
    }

    Path file(Clip clip) {
        return root.resolve(clip.path());
    }

    /** Checks the request, records the clip as PENDING and starts the export; answers the clip. */
    Clip request(CameraSummary camera, Instant from, Instant to, UUID caseId) {
        if (from == null || to == null) {
            throw new InvalidInput(from == null ? "from" : "to", "is required (ISO-8601 UTC, e.g. 2026-11-25T10:00:00Z)");
        }
        if (!to.isAfter(from)) {
            throw new InvalidInput("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(settings.maxClipLength()) > 0) {
            throw new InvalidInput("to", "a clip is at most " + settings.maxClipLength().toMinutes() + " minutes long");
        }
        if (segments.overlapping(camera.id(), from, to).isEmpty()) {
            throw new InvalidInput("from", "nothing is recorded on this camera between " + from + " and " + to);
        }
        var clip = new Clip(UUID.randomUUID(), camera.id(), from, to, caseId, "PENDING", null, null, null, null, null,
            CurrentActor.name(), clock.instant(), null, null, null);
        clips.insert(clip);
        audit.record("video.clip-exported", "camera", Long.toString(camera.id()), null,
            caseId == null ? Map.of("clip", clip.id(), "from", from.toString(), "to", to.toString())
                : Map.of("clip", clip.id(), "from", from.toString(), "to", to.toString(), "case", caseId));
        work.submit(() -> export(clip, camera));
        return clip;
    }

    /** An evidence item's file name: the camera and its first picture in Pakistan time, which the name says. */
    public static String clipName(long cameraId, Instant firstFrameAt) {
        return "camera-" + cameraId + "-" + ShownTime.inFileName(firstFrameAt) + ".mp4";
    }

    private void export(Clip clip, CameraSummary camera) {
        try {
            String relative = "clips/" + clip.id() + ".mp4";
            Path target = root.resolve(relative);
            OwnerOnly.folders(target.getParent());
            Path list = root.resolve("clips/" + clip.id() + ".txt");
            var parts = segments.overlapping(clip.cameraId(), clip.from(), clip.to());
            OwnerOnly.write(list, concatList(parts, clip.to(), this::startTime));
            // the first segment's first picture, a key frame, is the clip's first: the MP4 says when it was taken
            Instant firstFrameAt = parts.getFirst().start();
            try {
                ffmpeg.run(List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(),
                    "-map", "0:v:0", "-c", "copy", "-metadata", "creation_time=" + firstFrameAt, "-movflags", "+faststart",
                    "-f", "mp4", target.toString()), 600);
            } finally {
                Files.deleteIfExists(list);
            }
            Instant lastFrameAt = firstFrameAt.plusMillis(Math.round(lastPictureSeconds(target) * 1000));
            long bytes = Files.size(target);
            String sha256 = sha256(target);
            UUID item = null;
            if (clip.caseId() != null) {
                try (InputStream in = Files.newInputStream(target)) {
                    item = evidence.receive(in, new IntakeDetails("video", EvidenceKind.CCTV_FOOTAGE,
                        clipName(clip.cameraId(), firstFrameAt),
                        "Recorded video of " + camera.name() + ": first picture " + ShownTime.of(firstFrameAt) + ", last picture "
                            + ShownTime.of(lastFrameAt) + " (asked for " + ShownTime.of(clip.from()) + " to " + ShownTime.of(clip.to()) + ")",
                        clip.requestedBy(), clock.instant(), camera.name() + " (" + camera.siteName() + ")", clip.caseId())).id();
                }
                holds.holdForEvidence(clip.cameraId(), clip.from(), clip.to(), clip.id().toString(), clip.requestedBy());
            }
            clips.ready(clip.id(), bytes, sha256, relative, item, firstFrameAt, lastFrameAt, clock.instant());
        } catch (Exception e) {
            log.warn("clip {} of camera {} failed: {}", clip.id(), clip.cameraId(), e.toString());
            clips.failed(clip.id(), e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
        }
    }

    /**
     * FFmpeg's concat list: the segments in order, the last cut at the range's end. The clip starts with
     * the segment holding {@code from}: stream copy must begin on a key frame, and every segment begins with
     * one (FFmpeg's {@code inpoint} would cut closer but loses video when copying). An out point is in the
     * file's own timestamps, which run on from its recording's start: {@code startTime} gives a file's first.
     */
    String concatList(List<Segment> overlapping, Instant to, java.util.function.ToDoubleFunction<Path> startTime) {
        var lines = new ArrayList<String>();
        lines.add("ffconcat version 1.0");
        for (var s : overlapping) {
            Path file = root.resolve(s.path());
            lines.add("file '" + file.toString().replace("'", "'\\''") + "'");
            if (s.end().isAfter(to)) {
                lines.add("outpoint " + seconds(startTime.applyAsDouble(file) + Duration.between(s.start(), to).toMillis() / 1000.0));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** When the last picture of an exported clip is shown, in seconds from its first. */
    private double lastPictureSeconds(Path clip) {
        try {
            var times = new String(ffmpeg.probe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0", clip.toString()), 60), java.nio.charset.StandardCharsets.US_ASCII).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.equals("N/A")).mapToDouble(Double::parseDouble).summaryStatistics();
            return times.getCount() == 0 ? 0 : times.getMax() - times.getMin();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not read the clip's pictures: " + e.getMessage(), e);
        }
    }

    /** The first timestamp in a recorded file, in seconds. */
    private double startTime(Path file) {
        try {
            String out = new String(ffmpeg.probe(List.of("-v", "error", "-show_entries", "format=start_time", "-of",
                "default=noprint_wrappers=1:nokey=1", file.toString()), 30), java.nio.charset.StandardCharsets.US_ASCII).strip();
            return out.isEmpty() || out.equals("N/A") ? 0 : Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

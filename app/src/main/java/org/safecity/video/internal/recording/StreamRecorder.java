package org.safecity.video.internal.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.safecity.storage.OwnerOnly;
import org.safecity.video.FrameRequest;
import org.safecity.video.FrameTap;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.VideoSettings;
import org.safecity.video.internal.live.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Records one camera: runs FFmpeg to pull its stream and remux it (no transcoding) into recorded
 * segments, the live HLS playlist and the low-latency live feed ({@link LiveFeed}), indexes each segment once FFmpeg has closed it, restarts a
 * dropped stream with exponential back-off and reports when video flows and when it stops.
 * With a frame request, the same FFmpeg also decodes frames for the {@link FrameTap} ({@link FrameFeed}).
 * One thread, one job; {@link #stop()} ends FFmpeg cleanly so the open segment is kept.
 */
public final class StreamRecorder {

    /** What the recorder tells the rest of the module. */
    interface Reports {
        void flowing(long cameraId, Instant at);

        void wentDark(long cameraId, Instant lastDataAt, Instant at, String reason);

        void segmentClosed(long cameraId, Instant start, Instant end, String path, long bytes, Instant runStartedAt);
    }

    private static final Logger log = LoggerFactory.getLogger(StreamRecorder.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration SEEN_EVERY = Duration.ofSeconds(30);
    static final String PID_FILE = "ffmpeg.pid";

    private final long cameraId;
    private final StreamSource source;
    private final Path root;
    private final Path folder;
    private final Ffmpeg ffmpeg;
    private final VideoSettings settings;
    private final Reports reports;
    private final Clock clock;
    private final FrameRequest frames;
    private final FrameTap tap;
    private final StreamHealth health = new StreamHealth();
    private final LiveFeed live;
    private volatile boolean stopping;
    private volatile Process process;
    private Thread thread;

    StreamRecorder(long cameraId, StreamSource source, Path root, Ffmpeg ffmpeg, VideoSettings settings, Reports reports, Clock clock) {
        this(cameraId, source, root, ffmpeg, settings, reports, clock, null, null);
    }

    /** @param frames how the tap wants this camera's frames, or null for none */
    StreamRecorder(long cameraId, StreamSource source, Path root, Ffmpeg ffmpeg, VideoSettings settings, Reports reports, Clock clock,
                   FrameRequest frames, FrameTap tap) {
        this.cameraId = cameraId;
        this.source = source;
        this.root = root;
        this.folder = root.resolve(Long.toString(cameraId));
        this.ffmpeg = ffmpeg;
        this.settings = settings;
        this.reports = reports;
        this.clock = clock;
        this.frames = tap == null ? null : frames;
        this.tap = tap;
        this.live = new LiveFeed(cameraId);
    }

    StreamSource source() {
        return source;
    }

    /** The frames this recorder decodes for the tap, or null. */
    FrameRequest frames() {
        return frames;
    }

    public Path liveFolder() {
        return folder.resolve("live");
    }

    /** The live picture as fragmented MP4, for the low-latency player. */
    public LiveFeed liveFeed() {
        return live;
    }

    synchronized void start() {
        health.startedAt = clock.instant();
        thread = Thread.ofPlatform().name("recorder-" + cameraId).daemon().start(this::superviseUntilStopped);
    }

    /** Ends FFmpeg (it closes and we index the open segment) and waits for the thread. */
    void stop() {
        stopping = true;
        Process running = process;
        if (running != null) {
            quit(running);
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
        live.stop();
    }

    /** Asks FFmpeg to finish cleanly, as pressing "q" does; if it cannot be asked, ends it. */
    private static void quit(Process p) {
        try {
            var in = p.getOutputStream();
            in.write('q');
            in.flush();
        } catch (IOException e) {
            p.destroy();
        }
    }

    /** The FFmpeg process now running, if any (for tests and the shutdown hook). */
    Process process() {
        return process;
    }

    public CameraHealth health() {
        return health.view(cameraId, clock.instant(), !stopping);
    }

    private void superviseUntilStopped() {
        int failures = 0;
        while (!stopping) {
            boolean hadData;
            try {
                hadData = runOnce();
            } catch (IOException | RuntimeException e) {
                health.lastError = e.getMessage();
                log.warn("camera {}: recorder could not run FFmpeg: {}", cameraId, e.getMessage());
                hadData = false;
            }
            if (stopping) {
                break;
            }
            failures = hadData ? 1 : failures + 1;
            long wait = Math.min(settings.retryMax().toMillis(), settings.retryMin().toMillis() << Math.min(20, failures - 1));
            health.restarted(clock.instant());
            sleepWatchingSilence(wait);
        }
    }

    /** Waits before the next attempt, still noticing when the silence has lasted long enough to report. */
    private void sleepWatchingSilence(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!stopping && System.nanoTime() < until) {
            checkSilence(clock.instant());
            try {
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One FFmpeg run, to its end; answers whether any video came. */
    private boolean runOnce() throws IOException {
        Instant runStartedAt = clock.instant();
        String run = Long.toString(runStartedAt.toEpochMilli());
        Path incoming = folder.resolve("incoming");
        Path live = liveFolder();
        FileSystemUtils.deleteRecursively(incoming);
        FileSystemUtils.deleteRecursively(live);
        OwnerOnly.folders(incoming);
        OwnerOnly.folders(live);
        OwnerOnly.restrict(folder);  // a camera folder made before folders were owner-only
        Path list = OwnerOnly.file(incoming.resolve(run + ".csv"));

        // FFmpeg reads its standard input: "q" there is the clean stop that closes and lists the open segment
        // -y: the pipes exist before FFmpeg opens them; without it FFmpeg would ask on standard input
        var args = new ArrayList<String>(List.of("-y", "-hide_banner", "-loglevel", "error", "-nostats",
            "-stats_period", "1", "-progress", "pipe:1"));
        args.addAll(source.inputs(Math.max(1, settings.offlineAfter().toSeconds() / 2) * 1_000_000, incoming));
        args.addAll(List.of("-map", "0:v:0", "-c", "copy", "-f", "segment",
            "-segment_time", seconds(settings.segmentLength()), "-segment_format", "mpegts",
            "-segment_list", list.toString(), "-segment_list_type", "csv",
            incoming.resolve(run + "-%06d.ts").toString()));
        args.addAll(List.of("-map", source.liveInput() + ":v:0", "-c", "copy", "-f", "hls",
            "-hls_time", seconds(settings.liveSegmentLength()), "-hls_list_size", Integer.toString(settings.liveSegments()),
            "-hls_flags", "delete_segments+temp_file+omit_endlist+discont_start", "-hls_start_number_source", "epoch",
            "-hls_base_url", "live/", "-hls_segment_filename", live.resolve("%d.ts").toString(),
            live.resolve("live.m3u8").toString()));
        args.addAll(LiveFeed.output(source.liveInput(), this.live.prepare(folder)));
        FrameFeed feed = null;
        if (frames != null) {
            feed = FrameFeed.prepare(cameraId, folder, tap, clock);
            args.addAll(feed.output(frames));
        }

        // errors go to a file, read when FFmpeg ends: a blocked reader thread per pipe would not scale to hundreds of cameras
        Path errors = folder.resolve("ffmpeg-errors.log");
        OwnerOnly.write(errors, "");
        ProcessBuilder builder = ffmpeg.ffmpeg(args).redirectError(errors.toFile());
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            if (feed != null) {
                feed.end();
            }
            this.live.end();
            throw e;
        }
        process = p;
        this.live.start();
        if (feed != null) {
            feed.start();
        }
        // a SafeCity killed outright leaves its FFmpeg running: the next start finds and ends it by this file
        OwnerOnly.write(folder.resolve(PID_FILE), Long.toString(p.pid()));
        health.running = true;
        var progress = new FfmpegProgress(clock);
        // a platform thread: a virtual one blocked reading a pipe holds a carrier, and hundreds would exhaust them
        Thread progressReader = Thread.ofPlatform().name("recorder-" + cameraId + "-progress").daemon().stackSize(256 * 1024)
            .start(() -> progress.read(p));
        var segments = new SegmentList(list);
        long lastPosition = 0;
        Instant lastSeenReport = Instant.EPOCH;
        Instant lastLiveChange = null;
        boolean hadData = false;
        Long quitAsked = null;
        try {
            while (p.isAlive()) {
                try {
                    p.waitFor(POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // only stop() interrupts; it is checked below
                }
                if (stopping) {
                    if (quitAsked == null) {
                        quitAsked = System.nanoTime();
                        quit(p);
                    } else if (System.nanoTime() - quitAsked > 5_000_000_000L) {
                        p.destroy();
                    }
                }
                Instant now = clock.instant();
                long position = progress.outTimeMicros;
                if (position > lastPosition) {
                    health.flowing(now);
                    lastPosition = position;
                    if (!hadData || health.dark || Duration.between(lastSeenReport, now).compareTo(SEEN_EVERY) >= 0) {
                        health.dark = false;
                        reports.flowing(cameraId, now);
                        lastSeenReport = now;
                    }
                    hadData = true;
                }
                Path playlist = live.resolve("live.m3u8");
                if (Files.exists(playlist)) {
                    Instant changed = Files.getLastModifiedTime(playlist).toInstant();
                    if (!changed.equals(lastLiveChange)) {
                        lastLiveChange = changed;
                        health.lastKeyframeAt = changed;
                    }
                }
                index(segments.closed(), incoming, runStartedAt, progress.anchor(), now);
                checkSilence(now);
                Instant waitingSince = health.lastDataAt == null || health.lastDataAt.isBefore(runStartedAt) ? runStartedAt
                    : health.lastDataAt;
                if (!stopping && Duration.between(waitingSince, now).compareTo(settings.offlineAfter()) > 0) {
                    // FFmpeg is up but nothing arrives: end it so the stream is pulled again
                    health.lastError = "no video for " + settings.offlineAfter().toSeconds() + " s";
                    p.destroy();
                }
            }
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
            progressReader.join(Duration.ofSeconds(2));
            readErrors(errors);
            index(segments.closed(), incoming, runStartedAt, progress.anchor(), clock.instant());
            if (p.exitValue() != 0 && !stopping && health.lastError == null) {
                health.lastError = "FFmpeg ended with exit status " + p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            forgetStreamLists(incoming);
            health.running = false;
            health.fps = null;
            process = null;
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            if (feed != null) {
                feed.end();
            }
            this.live.end();
        }
        return hadData;
    }

    /** The concat lists holding the camera's credentials are read once, when FFmpeg starts: none outlives its run. */
    private static void forgetStreamLists(Path incoming) {
        try (var lists = Files.newDirectoryStream(incoming, "*.ffconcat")) {
            for (Path list : lists) {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            log.warn("could not delete FFmpeg's stream lists in {}: {}", incoming, e.getMessage());
        }
    }

    /** Reports the silence once it has lasted {@code offlineAfter}; answers whether the camera is dark now. */
    private boolean checkSilence(Instant now) {
        Instant since = health.lastDataAt != null ? health.lastDataAt : health.startedAt;
        if (Duration.between(since, now).compareTo(settings.offlineAfter()) < 0) {
            return false;
        }
        if (!health.dark) {
            health.dark = true;
            health.fps = null;
            reports.wentDark(cameraId, health.lastDataAt, now, health.lastError == null ? "no video" : health.lastError);
        }
        return true;
    }

    private void index(List<SegmentList.Entry> closed, Path incoming, Instant runStartedAt, Instant anchor, Instant now)
        throws IOException {
        for (var entry : closed) {
            Path file = incoming.resolve(entry.file());
            if (!Files.exists(file)) {
                continue;
            }
            Duration length = Duration.ofMillis(Math.max(0, Math.round((entry.end() - entry.start()) * 1000)));
            // the stream's own clock, anchored to the wall clock, dates the segment; without an anchor, it ends now
            Instant start = anchor == null ? now.minus(length) : anchor.plusMillis(Math.round(entry.start() * 1000));
            if (start.plus(length).isAfter(now)) {
                start = now.minus(length);
            }
            Instant end = start.plus(length);
            // consecutive segments of one run touch: close the gap the polling delay leaves
            if (health.lastSegmentEnd != null && health.lastSegmentRun.equals(runStartedAt)
                && Duration.between(health.lastSegmentEnd, start).abs().compareTo(Duration.ofSeconds(1)) < 0) {
                start = health.lastSegmentEnd;
                end = start.plus(length);
            }
            String relative = cameraId + "/" + DAY.format(start) + "/" + TIME.format(start) + "-" + entry.file();
            Path target = root.resolve(relative);
            OwnerOnly.folders(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            long bytes = Files.size(target);
            reports.segmentClosed(cameraId, start, end, relative, bytes, runStartedAt);
            health.segment(start, end, bytes, TransportStream.frames(target), runStartedAt);
        }
    }

    /** The last line FFmpeg wrote to its error output, without any password in a URL. */
    private void readErrors(Path errors) {
        try {
            if (Files.exists(errors)) {
                try (var lines = Files.lines(errors, StandardCharsets.UTF_8)) {
                    lines.filter(l -> !l.isBlank()).reduce((a, b) -> b)
                        .ifPresent(last -> health.lastError = last.strip().replaceAll("rtsp://[^@/\\s]*@", "rtsp://"));
                }
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // keep the error known before
        }
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toMillis() / 1000.0);
    }
}

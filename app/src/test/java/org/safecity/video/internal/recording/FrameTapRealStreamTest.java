package org.safecity.video.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safecity.storage.StorageSettings;
import org.safecity.video.CameraFrame;
import org.safecity.video.FrameRequest;
import org.safecity.video.FrameTap;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.RtspTestServer;
import org.safecity.video.internal.VideoSettings;
import org.springframework.util.FileSystemUtils;

/**
 * The frame tap on a real RTSP stream (GStreamer's RTSP server): the recording FFmpeg also decodes frames
 * at the rate and size asked, and a receiver that stops taking them neither slows nor breaks the recording.
 */
class FrameTapRealStreamTest {

    private static RtspTestServer server;
    private static Ffmpeg ffmpeg;
    private static VideoSettings settings;
    private static Path dataDir;

    @BeforeAll
    static void streaming() throws IOException {
        RtspTestServer.assumeAvailable();
        dataDir = Files.createTempDirectory("frame-tap");
        settings = new VideoSettings(true, null, null, List.of(), ".*", Duration.ofSeconds(2), Duration.ofSeconds(1), 6,
            Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1), 30, Duration.ofMinutes(10),
            300, Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(1), 0);
        ffmpeg = new Ffmpeg(settings, new StorageSettings(Path.of("target", "video-test").toAbsolutePath(),
            new StorageSettings.Database(null, null, null, 0, 1)));
        Path clip = RtspTestServer.clip(ffmpeg, "clip-640x360", "640x360", 180, "1M");
        server = new RtspTestServer(clip, List.of("/tap"));
        server.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    void the_recording_ffmpeg_hands_over_frames_at_the_rate_and_width_asked() throws Exception {
        var frames = new CopyOnWriteArrayList<CameraFrame>();
        var segments = new CopyOnWriteArrayList<Instant>();
        var recorder = recorder(1, new FrameRequest(2, 320), frames::add, segments);
        recorder.start();
        try {
            waitUntil(() -> frames.size() >= 3, Duration.ofSeconds(40));
            Thread.sleep(5_000);
            var seen = List.copyOf(frames);
            CameraFrame first = seen.get(2);
            CameraFrame last = seen.getLast();
            double seconds = Duration.between(first.capturedAt(), last.capturedAt()).toMillis() / 1000.0;
            double rate = (seen.size() - 3) / seconds;

            assertThat(rate).as("frames a second").isBetween(1.4, 2.6);
            assertThat(last.image().getWidth()).isEqualTo(320);
            assertThat(last.image().getHeight()).isEqualTo(180);
            assertThat(seen).extracting(CameraFrame::cameraId).containsOnly(1L);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).capturedAt()).isAfter(seen.get(i - 1).capturedAt());
            }
            assertThat(seen).extracting(CameraFrame::droppedBefore).containsOnly(0L);
            // the test pattern is not one colour: the picture was really decoded
            int[] row = last.image().getRGB(0, 90, 320, 1, null, 0, 320);
            assertThat(java.util.Arrays.stream(row).distinct().count()).isGreaterThan(5);
            assertThat(segments).as("recording goes on as usual").hasSizeGreaterThanOrEqualTo(2);
        } finally {
            recorder.stop();
        }
    }

    @Test
    void a_receiver_that_stops_taking_frames_loses_frames_counted_but_never_a_recorded_segment() throws Exception {
        var frames = new CopyOnWriteArrayList<CameraFrame>();
        var segments = new CopyOnWriteArrayList<Instant>();
        var release = new CountDownLatch(1);
        var recorder = recorder(2, new FrameRequest(5, 640), frame -> {
            frames.add(frame);
            if (frames.size() == 2) {
                try {
                    release.await(); // analysis stuck for the next ten seconds
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, segments);
        recorder.start();
        try {
            waitUntil(() -> frames.size() >= 2, Duration.ofSeconds(40));
            int segmentsBefore = segments.size();
            Instant stuckAt = Instant.now();
            Thread.sleep(10_000);
            int closedWhileStuck = segments.size() - segmentsBefore;
            release.countDown();
            waitUntil(() -> frames.size() >= 4, Duration.ofSeconds(10));

            assertThat(closedWhileStuck).as("2 s segments closed during 10 s of stuck analysis").isBetween(4, 6);
            assertThat(recorder.health().restartsToday()).as("FFmpeg never restarted").isZero();
            assertThat(frames.get(2).droppedBefore()).as("about 5 frames a second for 10 s were dropped").isBetween(35L, 60L);
            assertThat(frames.get(2).capturedAt()).isAfter(stuckAt.plusSeconds(9));
            assertThat(frames.get(3).droppedBefore()).isLessThan(3);
        } finally {
            recorder.stop();
        }
    }

    private StreamRecorder recorder(long cameraId, FrameRequest request, java.util.function.Consumer<CameraFrame> receiver,
                                    List<Instant> segments) {
        FrameTap tap = new FrameTap() {
            @Override
            public java.util.Optional<FrameRequest> wanted(long camera) {
                return java.util.Optional.of(request);
            }

            @Override
            public void frame(CameraFrame frame) {
                receiver.accept(frame);
            }
        };
        var reports = new StreamRecorder.Reports() {
            @Override
            public void flowing(long camera, Instant at) {
            }

            @Override
            public void wentDark(long camera, Instant lastDataAt, Instant at, String reason) {
            }

            @Override
            public void segmentClosed(long camera, Instant start, Instant end, String path, long bytes, Instant runStartedAt) {
                segments.add(end);
            }
        };
        return new StreamRecorder(cameraId, new StreamSource.Rtsp(server.url("/tap"), null, null), dataDir.resolve("video"), ffmpeg,
            settings, reports, Clock.systemUTC(), request, tap);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}

package org.safecity.vision.internal.analytics;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.safecity.video.CameraFrame;
import org.safecity.video.DemoScene;
import org.safecity.video.FrameRequest;
import org.safecity.video.FrameTap;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.VisionSettings;

/** Vision's lane as the benchmarks need it from other packages: the demo's street scene and the analysis up to the intake. */
public final class VisionBench {

    private VisionBench() {
    }

    public static DemoScene street() {
        return new DemoTraffic("PR 4417", 0);
    }

    /** What the analysing tap counted, over all cameras. */
    public static final class Counts {
        public final AtomicLong received = new AtomicLong();
        public final AtomicLong dropped = new AtomicLong();
        public final AtomicLong still = new AtomicLong();
        public final AtomicLong analysed = new AtomicLong();
        public final AtomicLong plateReads = new AtomicLong();
        public final java.util.Set<String> plates = ConcurrentHashMap.newKeySet();
        public final java.util.List<Double> analysisMillis = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        /** From the first frame that read a plate to the frame at which its vote was made. */
        public final java.util.List<Double> voteSeconds = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    }

    /**
     * A frame tap doing what {@link WatchingCameras} does for a camera with plate reading on at {@code fps}
     * (motion gate, the reader on at most {@code threads} frames at once, voting), counting instead of reporting.
     */
    public static FrameTap plateAnalysis(PlateReader reader, double fps, int threads, Counts counts) {
        var settings = settings(threads, 3);
        var demo = VisionDemo.streetCamera();
        var camera = new AnalyticsSettings(true, false, false, fps, List.of(), demo.lines(), List.of());
        var analysers = new CameraAnalysis.Analysers(reader, null, null);
        var models = new Semaphore(threads);
        var analyses = new ConcurrentHashMap<Long, CameraAnalysis>();
        return new FrameTap() {
            @Override
            public Optional<FrameRequest> wanted(long cameraId) {
                return Optional.of(new FrameRequest(fps, 1280));
            }

            @Override
            public void frame(CameraFrame frame) {
                var analysis = analyses.computeIfAbsent(frame.cameraId(), id -> new CameraAnalysis(id, settings));
                counts.received.incrementAndGet();
                counts.dropped.addAndGet(frame.droppedBefore());
                CameraAnalysis.Findings findings;
                var movement = analysis.look(frame.image(), frame.droppedBefore(), frame.capturedAt());
                if (movement.moving()) {
                    models.acquireUninterruptibly();
                    try {
                        long started = System.nanoTime();
                        findings = analysis.analyse(frame.image(), movement, frame.capturedAt(), camera, analysers);
                        counts.analysisMillis.add((System.nanoTime() - started) / 1e6);
                    } finally {
                        models.release();
                    }
                    counts.analysed.incrementAndGet();
                } else {
                    counts.still.incrementAndGet();
                    findings = analysis.idle(frame.capturedAt(), camera);
                }
                counts.plateReads.addAndGet(findings.plates().size());
                findings.plates().forEach(p -> {
                    counts.plates.add(p.normalized());
                    counts.voteSeconds.add(Duration.between(p.firstAt(), frame.capturedAt()).toMillis() / 1000.0);
                });
            }
        };
    }

    private static VisionSettings settings(int threads, int plateAgreeing) {
        return new VisionSettings(true, 1280, threads, 12, 0.002, Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(6), plateAgreeing, 4, Duration.ofSeconds(10), 1, 2);
    }

    /**
     * The scene's frames at {@code fps}, {@code loops} times over, analysed one after the other as the demo camera's
     * (its line across the road) with the scene's own clock: for each voted plate, the seconds of scene time from the
     * first frame that read it to the frame whose analysis voted it ({@code plateAgreeing} as the setting). What the analysis
     * itself takes comes on top.
     */
    public static java.util.Map<String, List<Double>> voteSeconds(DemoScene scene, PlateReader reader, double fps, int loops, int plateAgreeing) {
        var analysis = new CameraAnalysis(0, settings(1, plateAgreeing));
        var camera = VisionDemo.streetCamera();
        var analysers = new CameraAnalysis.Analysers(reader, null, null);
        var seconds = new java.util.TreeMap<String, List<Double>>();
        int step = (int) Math.round(scene.framesPerSecond() / fps);
        var start = java.time.Instant.parse("2026-12-05T00:00:00Z");
        for (int loop = 0; loop < loops; loop++) {
            for (int i = 0; i < scene.frames(); i += step) {
                var image = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_3BYTE_BGR);
                var g = image.createGraphics();
                scene.draw(i, g);
                g.dispose();
                var at = start.plusMillis(Math.round((loop * scene.frames() + i) * 1000.0 / scene.framesPerSecond()));
                var movement = analysis.look(image, 0, at);
                var findings = movement.moving() ? analysis.analyse(image, movement, at, camera, analysers) : analysis.idle(at, camera);
                findings.plates().forEach(p -> seconds.computeIfAbsent(p.normalized(), k -> new java.util.ArrayList<>())
                    .add(Duration.between(p.firstAt(), at).toMillis() / 1000.0));
            }
        }
        return seconds;
    }

    /** Median microseconds the motion gate takes on a frame of this picture. */
    public static double motionGateMicros(List<BufferedImage> frames) {
        var gate = new MotionGate(12, 0.002, 0.05);
        var times = new java.util.ArrayList<Double>();
        for (int round = 0; round < 5; round++) {
            for (BufferedImage frame : frames) {
                long started = System.nanoTime();
                gate.look(frame);
                times.add((System.nanoTime() - started) / 1e3);
            }
        }
        return median(times);
    }

    /** The same picture again and again, as a still street shows: the share the gate lets through after the first. */
    public static double stillShare(BufferedImage frame, int count) {
        var gate = new MotionGate(12, 0.002, 0.05);
        gate.look(frame);
        int passed = 0;
        for (int i = 0; i < count; i++) {
            if (gate.look(frame).moving()) {
                passed++;
            }
        }
        return (double) passed / count;
    }

    /** The share of frames (in order, at this rate) the gate lets through. */
    public static double motionShare(List<BufferedImage> frames) {
        var gate = new MotionGate(12, 0.002, 0.05);
        int passed = 0;
        for (BufferedImage frame : frames) {
            if (gate.look(frame).moving()) {
                passed++;
            }
        }
        return (double) passed / frames.size();
    }

    /**
     * Where each frame moved, as the gate sees the frames in turn after a first pass over them all (a camera's background
     * has long learnt its street): the parts to read plates in, an empty list for a frame the gate stops.
     */
    public static List<List<org.safecity.vision.internal.PixelBox>> movingParts(List<BufferedImage> frames) {
        var gate = new MotionGate(12, 0.002, 0.05);
        frames.forEach(gate::look);
        return frames.stream().map(frame -> gate.look(frame).parts()).toList();
    }

    public static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}

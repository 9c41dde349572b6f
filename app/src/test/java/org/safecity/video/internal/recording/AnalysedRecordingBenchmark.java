package org.safecity.video.internal.recording;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.storage.StorageSettings;
import org.safecity.video.DemoScene;
import org.safecity.video.FrameRequest;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.VideoSettings;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.analytics.VisionBench;
import org.safecity.vision.internal.plates.PlateReaders;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Measures the lane from video to plate reads on the demo's street scene (1280x720, 25 frames/s, a car
 * towards the camera every 6 s): first what one frame costs (the motion gate against the plate reader,
 * and the share of frames the gate lets through at 2 frames/s), then K cameras recorded exactly as the
 * demo's (the production {@link StreamRecorder}, the clip looped in real time, 10 s segments) once with
 * recording only and once with frames decoded at 2 frames/s and read for plates on this machine's cores,
 * reporting for each run: segments closed against those due, how late each was indexed after its end
 * (median and worst), restarts, CPU of the FFmpegs and of this JVM, frames received, dropped (analysis
 * busy), still (no motion) and analysed, the reader's median time, and the distinct plates read.
 *
 * <pre>
 * mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.video.internal.recording.AnalysedRecordingBenchmark -Dexec.args="--cameras 1,3,9 --seconds 60"
 * </pre>
 */
public final class AnalysedRecordingBenchmark {

    private AnalysedRecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = RecordingBenchmark.options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        double fps = Double.parseDouble(options.getOrDefault("fps", "2"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "target/vision-bench")).toAbsolutePath();
        var settings = RecordingBenchmark.settings();
        var storage = new StorageSettings(dataDir, new StorageSettings.Database(null, null, null, 0, 1));
        var ffmpeg = new Ffmpeg(settings, storage);
        DemoScene street = VisionBench.street();
        var demo = new DemoFeed(ffmpeg, storage, new StaticListableBeanFactory(Map.of("street", street)).getBeanProvider(DemoScene.class));
        var placeholder = new org.safecity.registry.CameraSummary(0, "street", 0, "street", "PSH", null, 1,
            org.safecity.registry.CameraType.FIXED, org.safecity.registry.CameraInstallation.INSTALLED, null, null, null, null, null);
        long encodeStarted = System.nanoTime();
        demo.prepare(placeholder, 0);
        Path clip = demo.clipFor(0, 0);
        System.out.printf("machine: %d cores, %s; street scene %s (%d bytes, encoded in %.1f s or found)%n",
            Runtime.getRuntime().availableProcessors(), RecordingBenchmark.cpuModel(), clip.getFileName(), Files.size(clip),
            (System.nanoTime() - encodeStarted) / 1e9);

        PlateReader reader = PlateReaders.standard();
        perFrame(street, reader, fps);
        int threads = Integer.parseInt(options.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        for (String k : options.getOrDefault("cameras", "1,3,9").split(",")) {
            int cameras = Integer.parseInt(k.strip());
            if (cameras == 0) {
                continue; // --cameras 0: the per-frame figures only
            }
            run(cameras, seconds, clip, ffmpeg, settings, dataDir, null, reader, threads);
            run(cameras, seconds, clip, ffmpeg, settings, dataDir, new FrameRequest(fps, 1280), reader, threads);
        }
        System.exit(0);
    }

    /** The gate and the reader on the scene's frames at the analysis rate. */
    private static void perFrame(DemoScene scene, PlateReader reader, double fps) {
        var frames = new ArrayList<BufferedImage>();
        int step = (int) Math.round(scene.framesPerSecond() / fps);
        for (int i = 0; i < scene.frames(); i += step) {
            var image = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_3BYTE_BGR);
            var g = image.createGraphics();
            scene.draw(i, g);
            g.dispose();
            frames.add(image);
        }
        // each moving frame read whole and only where it moved, one after the other: the same moment of a noisy machine
        var moving = VisionBench.movingParts(frames);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var readMillis = new ArrayList<Double>();
        var wholeCpu = new ArrayList<Double>();
        var partsCpu = new ArrayList<Double>();
        var covered = new ArrayList<Double>();
        var wholeReads = new java.util.TreeMap<String, Integer>();
        var partReads = new java.util.TreeMap<String, Integer>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < frames.size(); i++) {
                var frame = frames.get(i);
                if (moving.get(i).isEmpty()) {
                    continue;
                }
                long started = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                var whole = reader.readFrame(frame);
                readMillis.add((System.nanoTime() - started) / 1e6);
                wholeCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
                cpu = threads.getCurrentThreadCpuTime();
                var parts = reader.readFrame(frame, moving.get(i));
                partsCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
                if (round == 1) {
                    whole.forEach(r -> wholeReads.merge(r.normalized(), 1, Integer::sum));
                    parts.forEach(r -> partReads.merge(r.normalized(), 1, Integer::sum));
                    covered.add(moving.get(i).stream().mapToDouble(b -> (double) b.width() * b.height()).sum() / (frame.getWidth() * frame.getHeight()));
                }
            }
        }
        double gate = VisionBench.motionGateMicros(frames);
        double read = VisionBench.median(readMillis);
        System.out.printf("per 1280x720 frame: motion gate median %.0f us, plate reader median %.0f ms (%.0fx the gate); "
                + "the gate passes %.0f%% of the street scene's frames at %.0f frames/s, %.0f%% of a still street's%n",
            gate, read, read * 1000 / gate, VisionBench.motionShare(frames) * 100, fps, VisionBench.stillShare(frames.getFirst(), 100) * 100);
        double whole = VisionBench.median(wholeCpu);
        double parts = VisionBench.median(partsCpu);
        System.out.printf("plate reader, one core, moving frames: the whole frame median %.0f ms, only where it moved %.0f ms (%.2f of the whole); "
                + "the moving parts cover %.0f%% of the frame (median); reads, whole %s, where it moved %s%n",
            whole, parts, parts / whole, VisionBench.median(covered) * 100, wholeReads, partReads);
        for (int agreeing : new int[] {0, 3}) {
            var votes = VisionBench.voteSeconds(scene, reader, fps, 3, agreeing);
            var all = votes.values().stream().flatMap(List::stream).toList();
            System.out.printf("first read to vote, scene time, 3 loops as the demo camera (its line), plate-agreeing %d: median %.1f s, "
                + "worst %.1f s; by plate %s%n", agreeing, VisionBench.median(new ArrayList<>(all)),
                all.stream().mapToDouble(Double::doubleValue).max().orElse(0), votes);
        }
    }

    private static void run(int cameras, int seconds, Path clip, Ffmpeg ffmpeg, VideoSettings settings, Path dataDir, FrameRequest frames,
                            PlateReader reader, int threads) throws Exception {
        var counts = new VisionBench.Counts();
        var tap = frames == null ? null : VisionBench.plateAnalysis(reader, frames.framesPerSecond(), threads, counts);
        var lateness = Collections.synchronizedList(new ArrayList<Double>());
        var segments = new AtomicInteger();
        var measuring = new java.util.concurrent.atomic.AtomicBoolean();
        var reports = new StreamRecorder.Reports() {
            @Override
            public void flowing(long cameraId, Instant at) {
            }

            @Override
            public void wentDark(long cameraId, Instant lastDataAt, Instant at, String reason) {
            }

            @Override
            public void segmentClosed(long cameraId, Instant start, Instant end, String path, long bytes, Instant runStartedAt) {
                if (measuring.get()) {
                    segments.incrementAndGet();
                    lateness.add(Duration.between(end, Instant.now()).toMillis() / 1000.0);
                }
            }
        };
        Path root = dataDir.resolve("run-" + cameras + "-" + System.currentTimeMillis());
        var recorders = new ArrayList<StreamRecorder>();
        for (int i = 1; i <= cameras; i++) {
            var recorder = new StreamRecorder(i, new StreamSource.Loop(clip), root, ffmpeg, settings, reports, Clock.systemUTC(), frames, tap);
            recorders.add(recorder);
            recorder.start();
        }
        Thread.sleep(15_000); // warm up: the models loaded, first segments under way
        Map<Long, Long> before = new HashMap<>();
        for (var r : recorders) {
            Process p = r.process();
            if (p != null) {
                before.put(p.pid(), RecordingBenchmark.cpuTicks(p.pid()));
            }
        }
        long jvmBefore = RecordingBenchmark.cpuTicks(ProcessHandle.current().pid());
        long receivedBefore = counts.received.get();
        long droppedBefore = counts.dropped.get();
        long stillBefore = counts.still.get();
        long analysedBefore = counts.analysed.get();
        counts.analysisMillis.clear();
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double ffmpegCpu = 0;
        int restarts = 0;
        for (var r : recorders) {
            Process p = r.process();
            if (p == null || !before.containsKey(p.pid())) {
                restarts++;
                continue;
            }
            ffmpegCpu += (RecordingBenchmark.cpuTicks(p.pid()) - before.get(p.pid())) / 100.0 / elapsed * 100;
        }
        double jvmCpu = (RecordingBenchmark.cpuTicks(ProcessHandle.current().pid()) - jvmBefore) / 100.0 / elapsed * 100;
        var late = List.copyOf(lateness);
        System.out.printf("%d cameras, %s: segments closed %d of ~%d due, indexed after their end median %.2f s worst %.2f s, restarts %d; "
                + "FFmpeg CPU %.0f%% of a core (%.1f%% a camera), JVM %.0f%%; frames received %d, dropped %d, still %d, analysed %d; "
                + "reader median %.0f ms; first read to voted read median %.1f s; plates read %s%n",
            cameras, frames == null ? "recording only" : "plates at " + frames.framesPerSecond() + " frames/s",
            segments.get(), (int) (cameras * elapsed / 10), RecordingBenchmark.median(late),
            late.stream().mapToDouble(d -> d).max().orElse(0), restarts, ffmpegCpu, ffmpegCpu / cameras, jvmCpu,
            counts.received.get() - receivedBefore, counts.dropped.get() - droppedBefore, counts.still.get() - stillBefore,
            counts.analysed.get() - analysedBefore, VisionBench.median(List.copyOf(counts.analysisMillis)),
            VisionBench.median(List.copyOf(counts.voteSeconds)), counts.plates);
        var stopping = recorders.stream().map(r -> Thread.ofVirtual().start(r::stop)).toList();
        for (Thread t : stopping) {
            t.join();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(root);
    }
}

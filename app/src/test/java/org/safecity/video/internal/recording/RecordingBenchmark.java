package org.safecity.video.internal.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.storage.StorageSettings;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.RtspTestServer;
import org.safecity.video.internal.VideoSettings;

/**
 * Measures what recording costs per camera: starts K recorders (the production {@link StreamRecorder}:
 * one FFmpeg per camera remuxing into 10 s segments plus the 2 s live HLS) against K streams of a
 * 2 Mbit/s 1280x720 25 frame/s H.264 clip, served over RTSP/TCP by GStreamer's RTSP server
 * ({@code --source rtsp}) or read from the file in real time ({@code --source loop}), and reports each
 * FFmpeg's CPU (% of one core, from /proc) and resident memory, medians, plus the RTSP server's and this
 * JVM's CPU and whether every stream kept up (segments closed, no restarts).
 *
 * <pre>
 * mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.video.internal.recording.RecordingBenchmark -Dexec.args="--streams 10,25,50 --seconds 60"
 * </pre>
 */
public final class RecordingBenchmark {

    private RecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        String source = options.getOrDefault("source", "rtsp");
        Path dataDir = Path.of(options.getOrDefault("data-dir", "target/video-bench")).toAbsolutePath();
        var settings = settings();
        var ffmpeg = new Ffmpeg(settings, new StorageSettings(dataDir, new StorageSettings.Database(null, null, null, 0, 1)));
        int clipSeconds = seconds + 60;
        Path clip = RtspTestServer.clip(ffmpeg, "bench-1280x720-2M-" + clipSeconds + "s", "1280x720", clipSeconds, "2M");
        System.out.printf("machine: %d cores, %s; clip %s (%d bytes, %.2f Mbit/s)%n", Runtime.getRuntime().availableProcessors(),
            cpuModel(), clip.getFileName(), Files.size(clip), Files.size(clip) * 8.0 / clipSeconds / 1e6);
        for (String k : options.getOrDefault("streams", "10").split(",")) {
            run(Integer.parseInt(k.strip()), seconds, source, clip, ffmpeg, settings, dataDir);
        }
        System.exit(0);
    }

    private static void run(int streams, int seconds, String source, Path clip, Ffmpeg ffmpeg, VideoSettings settings, Path dataDir)
        throws Exception {
        RtspTestServer server = null;
        if (source.equals("rtsp")) {
            RtspTestServer.assumeAvailable();
            var paths = new ArrayList<String>();
            for (int i = 1; i <= streams; i++) {
                paths.add("/cam" + i);
            }
            server = new RtspTestServer(clip, paths);
            server.start();
        }
        var segments = new AtomicInteger();
        var dark = new AtomicInteger();
        var reports = new StreamRecorder.Reports() {
            @Override
            public void flowing(long cameraId, Instant at) {
            }

            @Override
            public void wentDark(long cameraId, Instant lastDataAt, Instant at, String reason) {
                dark.incrementAndGet();
            }

            @Override
            public void segmentClosed(long cameraId, Instant start, Instant end, String path, long bytes, Instant runStartedAt) {
                segments.incrementAndGet();
            }
        };
        Path root = dataDir.resolve("run-" + streams + "-" + System.currentTimeMillis());
        var recorders = new ArrayList<StreamRecorder>();
        for (int i = 1; i <= streams; i++) {
            StreamSource input = server != null ? new StreamSource.Rtsp(server.url("/cam" + i), null, null) : new StreamSource.Loop(clip);
            var recorder = new StreamRecorder(i, input, root, ffmpeg, settings, reports, Clock.systemUTC());
            recorders.add(recorder);
            recorder.start();
        }
        Thread.sleep(10_000); // warm up: connected, first segments under way
        int segmentsBefore = segments.get();
        Map<Long, Long> before = new HashMap<>();
        for (var r : recorders) {
            Process p = r.process();
            if (p != null) {
                before.put(p.pid(), cpuTicks(p.pid()));
            }
        }
        long serverBefore = server == null ? 0 : serverTicks(server);
        long jvmBefore = cpuTicks(ProcessHandle.current().pid());
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - started) / 1e9;
        var cpu = new ArrayList<Double>();
        var rss = new ArrayList<Double>();
        var pss = new ArrayList<Double>();
        int restarts = 0;
        for (var r : recorders) {
            Process p = r.process();
            if (p == null || !before.containsKey(p.pid())) {
                restarts++;
                continue;
            }
            cpu.add((cpuTicks(p.pid()) - before.get(p.pid())) / 100.0 / elapsed * 100);
            rss.add(memoryKb(p.pid(), "status", "VmRSS:") / 1024.0);
            pss.add(memoryKb(p.pid(), "smaps_rollup", "Pss:") / 1024.0);
        }
        double serverCpu = server == null ? 0 : (serverTicks(server) - serverBefore) / 100.0 / elapsed * 100;
        double jvmCpu = (cpuTicks(ProcessHandle.current().pid()) - jvmBefore) / 100.0 / elapsed * 100;
        int closed = segments.get() - segmentsBefore;
        System.out.printf("%d streams (%s): FFmpeg CPU per stream median %.2f%% of a core (max %.2f), total %.1f%%; "
                + "RSS per stream median %.1f MB (PSS %.1f MB: shared libraries counted once); RTSP server %.1f%%; JVM %.1f%%; segments closed %d of ~%d expected; "
                + "restarted %d, went dark %d%n",
            streams, source, median(cpu), cpu.stream().mapToDouble(d -> d).max().orElse(0), cpu.stream().mapToDouble(d -> d).sum(),
            median(rss), median(pss), serverCpu, jvmCpu, closed, (int) (streams * elapsed / 10), restarts, dark.get());
        var stopping = recorders.stream().map(r -> Thread.ofVirtual().start(r::stop)).toList();
        for (Thread t : stopping) {
            t.join();
        }
        if (server != null) {
            server.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(root);
    }

    private static long serverTicks(RtspTestServer server) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("rtsp-server")
                && p.info().commandLine().orElse("").contains(" " + server.port() + " "))
            .mapToLong(p -> cpuTicks(p.pid())).sum();
    }

    /** User + system CPU time of a process, in clock ticks (1/100 s). */
    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** Production recording settings: 10 s segments, 2 s live segments, 20 s to offline. */
    public static VideoSettings settings() {
        return new VideoSettings(true, null, null, List.of(), ".*", Duration.ofSeconds(10), Duration.ofSeconds(2), 6,
            Duration.ofSeconds(20), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30), 30, Duration.ofMinutes(10),
            300, Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(1), 0);
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    private static long memoryKb(long pid, String file, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/" + file)).stream().filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}

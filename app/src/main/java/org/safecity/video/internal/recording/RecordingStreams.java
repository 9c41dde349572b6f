package org.safecity.video.internal.recording;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.safecity.shared.DemoSettings;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.LiveInstances;
import org.safecity.cluster.Role;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraStreams;
import org.safecity.storage.StorageSettings;
import org.safecity.video.CameraWentDark;
import org.safecity.video.FrameRequest;
import org.safecity.video.FrameTap;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.VideoFolders;
import org.safecity.video.internal.VideoSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one {@link StreamRecorder} running for every camera this node records, following the registry
 * (cameras added, retired or changed are picked up within {@code reconcile-interval}), and turns what the
 * recorders report into registry status, events and the segment index. Stops every FFmpeg on shutdown.
 * The cameras are shared among the recording nodes alive ({@link Sharding}): when one joins or leaves,
 * each node sees it at its next look ({@link #MEMBERSHIP_CHECK}) and takes up or hands over its share.
 */
@Component
public class RecordingStreams implements SmartLifecycle, StreamRecorder.Reports {

    private static final Logger log = LoggerFactory.getLogger(RecordingStreams.class);

    private final VideoSettings settings;
    private final CameraDirectory cameras;
    private final Ffmpeg ffmpeg;
    private final DemoFeed demo;
    private final SegmentStore segments;
    private final CameraSettingStore cameraSettings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final FrameTap tap;
    private final boolean demoNetwork;
    private final Path root;
    private final String node;
    private final Pattern streamPattern;
    /** How often the live recording nodes are read: a dead node's cameras are recorded again within this, plus its detection. */
    static final java.time.Duration MEMBERSHIP_CHECK = java.time.Duration.ofSeconds(2);

    private final InstanceRoles roles;
    private final LiveInstances live;
    /** The recording nodes alive at the last look, this one among them. */
    private volatile List<String> nodes;
    private final Map<Long, StreamRecorder> recorders = new ConcurrentHashMap<>();
    /** When each camera recorded here last had a segment indexed (or its recorder started). */
    private final Map<Long, Instant> lastIndexed = new ConcurrentHashMap<>();
    /**
     * So that no FFmpeg outlives a JVM that ends without closing the application. It stops the recorders
     * as the application's close does, not by killing FFmpeg: on SIGTERM the JVM runs this hook beside
     * Spring's, and a kill here would cut every camera's open segment before it was indexed.
     */
    private final Thread shutdownHook = new Thread(this::stop, "video-recorders-shutdown");
    private volatile boolean running;
    private Thread reconciler;

    RecordingStreams(VideoSettings settings, CameraDirectory cameras, Ffmpeg ffmpeg, DemoFeed demo, SegmentStore segments,
                     CameraSettingStore cameraSettings, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock, StorageSettings storage,
                     ObjectProvider<FrameTap> tap, DemoSettings demoNetwork, InstanceRoles roles,
                     LiveInstances live, MeterRegistry metrics) {
        Gauge.builder("safecity.recorders.alive", this, r -> r.records() ? r.nodes.size() : 0)
            .description("recording nodes alive, as this node saw them last").register(metrics);
        Gauge.builder("safecity.recorders.cameras", recorders, Map::size).description("cameras this node records").register(metrics);
        Gauge.builder("safecity.recorders.segments.late", this, RecordingStreams::late)
            .description("cameras recorded here with no segment indexed for three segment lengths").register(metrics);
        this.roles = roles;
        this.live = live;
        this.settings = settings;
        this.cameras = cameras;
        this.ffmpeg = ffmpeg;
        this.demo = demo;
        this.segments = segments;
        this.cameraSettings = cameraSettings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.tap = tap.getIfUnique();
        this.demoNetwork = demoNetwork.demo();
        this.root = VideoFolders.root(storage);
        this.node = roles.instance();
        this.nodes = List.of(node);
        this.streamPattern = Pattern.compile(settings.streamPattern());
    }

    public Optional<StreamRecorder> recorder(long cameraId) {
        return Optional.ofNullable(recorders.get(cameraId));
    }

    @Override
    public void start() {
        running = true;
        if (!records()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        endLeftovers();
        reconciler = Thread.ofPlatform().name("video-recording").daemon().start(() -> {
            long lastFull = 0;
            while (running) {
                boolean changed = false;
                try {
                    changed = lookAtNodes();
                } catch (RuntimeException e) {
                    log.warn("could not read which recording nodes are alive; keeping the cameras recorded now: {}", e.toString());
                }
                if (changed || System.nanoTime() - lastFull >= settings.reconcileInterval().toNanos()) {
                    try {
                        reconcile();
                        lastFull = System.nanoTime();
                    } catch (RuntimeException e) {
                        log.warn("could not update the cameras to record: {}", e.toString());
                    }
                }
                try {
                    Thread.sleep(MEMBERSHIP_CHECK);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private boolean records() {
        return settings.recording() && roles.has(Role.RECORDING);
    }

    /** Reads the recording nodes alive; whether they changed since the last look. */
    private boolean lookAtNodes() {
        var alive = new java.util.TreeSet<>(live.alive(Role.RECORDING));
        alive.add(node); // this node records while it runs, even before its first heartbeat is read back
        var now = List.copyOf(alive);
        if (now.equals(nodes)) {
            return false;
        }
        log.info("recording nodes alive: {} (were {}); {} records its share of the cameras", now, nodes, node);
        nodes = now;
        return true;
    }

    /** Starts recorders for the cameras to record and stops those no longer to record (or whose streams changed). */
    public synchronized void reconcile() {
        if (!running || !records()) {
            return;
        }
        List<CameraStreams> all = cameras.streams();
        List<Long> demoCameras = demoCameras(all);
        var wanted = new LinkedHashMap<Long, StreamSource>();
        var byId = new java.util.HashMap<Long, CameraStreams>();
        var switchedOff = cameraSettings.notRecorded();
        for (var camera : all) {
            if (switchedOff.contains(camera.camera().id())) {
                continue;
            }
            source(camera, demoCameras).ifPresent(source -> wanted.put(camera.camera().id(), source));
            byId.put(camera.camera().id(), camera);
        }
        var frames = new java.util.HashMap<Long, FrameRequest>();
        if (tap != null) {
            wanted.keySet().forEach(id -> {
                try {
                    tap.wanted(id).ifPresent(request -> frames.put(id, request));
                } catch (RuntimeException e) {
                    log.warn("camera {}: could not learn whether its frames are wanted: {}", id, e.toString());
                    var recorder = recorders.get(id);
                    if (recorder != null && recorder.frames() != null) {
                        frames.put(id, recorder.frames()); // keep what runs rather than restart on a passing failure
                    }
                }
            });
        }
        recorders.forEach((id, recorder) -> {
            if (!recorder.source().equals(wanted.get(id)) || !java.util.Objects.equals(recorder.frames(), frames.get(id))) {
                recorders.remove(id);
                recorder.stop();
            }
        });
        wanted.forEach((id, source) -> {
            if (running && !recorders.containsKey(id)) {
                if (source instanceof StreamSource.Loop) {
                    try {
                        demo.prepare(byId.get(id).camera(), demoCameras.indexOf(id));
                    } catch (RuntimeException e) {
                        log.warn("demo camera {} gets no video: {}", id, e.getMessage());
                        return;
                    }
                }
                var recorder = new StreamRecorder(id, source, root, ffmpeg, settings, this, clock, frames.get(id), tap);
                recorders.put(id, recorder);
                lastIndexed.put(id, clock.instant());
                recorder.start();
            }
        });
    }

    private Optional<StreamSource> source(CameraStreams camera, List<Long> demoCameras) {
        long id = camera.camera().id();
        if (!Sharding.owner(id, nodes, node)) {
            return Optional.empty();
        }
        if (!settings.cities().isEmpty() && !settings.cities().contains(camera.camera().cityCode())) {
            return Optional.empty();
        }
        if (camera.demo()) {
            // the demo's addresses lead nowhere: its first cameras get a looping test pattern instead
            return demoCameras.contains(id) ? Optional.of(new StreamSource.Loop(demo.clipFor(id, demoCameras.indexOf(id)))) : Optional.empty();
        }
        if (camera.mainStream() == null || !streamPattern.matcher(camera.mainStream()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new StreamSource.Rtsp(camera.mainStream(), camera.subStream(),
            cameras.streamCredentials(id).orElse(null)));
    }

    private List<Long> demoCameras(List<CameraStreams> all) {
        if (!demoNetwork || settings.demoCameras() <= 0) {
            return List.of();
        }
        return all.stream().filter(CameraStreams::demo).map(c -> c.camera().id()).sorted().limit(settings.demoCameras()).toList();
    }

    @Override
    public void flowing(long cameraId, Instant at) {
        cameras.markSeen(cameraId, at);
    }

    @Override
    public void wentDark(long cameraId, Instant lastDataAt, Instant at, String reason) {
        log.info("camera {} went dark: {}", cameraId, reason);
        transaction.executeWithoutResult(status -> {
            cameras.markSilent(cameraId, at);
            events.publishEvent(new CameraWentDark(cameraId, lastDataAt, at, reason));
        });
    }

    @Override
    public void segmentClosed(long cameraId, Instant start, Instant end, String path, long bytes, Instant runStartedAt) {
        segments.insert(cameraId, start, end, path, bytes, runStartedAt, node);
        lastIndexed.put(cameraId, clock.instant());
    }

    private long late() {
        Instant before = clock.instant().minus(settings.segmentLength().multipliedBy(3));
        return recorders.keySet().stream().filter(id -> lastIndexed.getOrDefault(id, Instant.MAX).isBefore(before)).count();
    }

    @Override
    public void stop() {
        running = false;
        if (reconciler != null) {
            reconciler.interrupt();
        }
        synchronized (this) {
            var stopping = recorders.values().stream().map(r -> Thread.ofVirtual().start(r::stop)).toList();
            for (Thread t : stopping) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            recorders.clear();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // shutting down already, or never added
        }
    }

    /** Ends the FFmpeg processes a previous run left behind (killed without a chance to stop them). */
    private void endLeftovers() {
        try (var folders = java.nio.file.Files.list(root)) {
            folders.map(f -> f.resolve(StreamRecorder.PID_FILE)).filter(java.nio.file.Files::isRegularFile).forEach(file -> {
                try {
                    long pid = Long.parseLong(java.nio.file.Files.readString(file).strip());
                    ProcessHandle.of(pid)
                        .filter(h -> h.info().commandLine().orElse("").contains(root.toString()))
                        .ifPresent(h -> {
                            log.warn("ending FFmpeg {} left running by an earlier start", pid);
                            h.destroyForcibly();
                        });
                    java.nio.file.Files.delete(file);
                } catch (java.io.IOException | NumberFormatException e) {
                    log.warn("could not check {}: {}", file, e.getMessage());
                }
            });
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing recorded yet
        } catch (java.io.IOException e) {
            log.warn("could not look for FFmpeg left running: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool, so the last segments are still indexed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}

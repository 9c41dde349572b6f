package org.safecity.vision.internal.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.safecity.video.CameraFrame;
import org.safecity.video.FrameRequest;
import org.safecity.video.FrameTap;
import org.safecity.vision.internal.FaceFinder;
import org.safecity.vision.internal.ObjectFinder;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.VisionSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Vision's side of the frame tap: asks the recorder for the frames of each camera with an analyser
 * switched on (at its frame rate), lets through the moving frames only, runs the models on at most
 * {@code threads} frames at once on this node, and reports what they found. A camera switched off has
 * its open plate votes reported and its analysis forgotten. On shutdown it stops taking frames and waits
 * for the frames in analysis before the models are closed under them.
 */
@Component
class WatchingCameras implements FrameTap, SmartLifecycle {

    private static final java.time.Duration LONGEST_STOP = java.time.Duration.ofSeconds(15);

    private final AnalyticsSettingsStore store;
    private final ReportingFindings reporting;
    private final VisionSettings settings;
    private final ObjectProvider<PlateReader> plateReader;
    private final ObjectProvider<FaceFinder> faceFinder;
    private final ObjectProvider<ObjectFinder> objectFinder;
    private final Clock clock;
    /** Where the models run: {@code threads} platform threads with a roomy stack (ONNX Runtime's kernels run on the caller's). */
    private final java.util.concurrent.ExecutorService models;
    private final Map<Long, CameraAnalysis> analyses = new ConcurrentHashMap<>();
    private volatile Map<Long, AnalyticsSettings> switchedOn = Map.of();
    private volatile long readAtNanos;
    private volatile boolean everRead;
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    WatchingCameras(AnalyticsSettingsStore store, ReportingFindings reporting, VisionSettings settings, ObjectProvider<PlateReader> plateReader,
                    ObjectProvider<FaceFinder> faceFinder, ObjectProvider<ObjectFinder> objectFinder, Clock clock) {
        this.store = store;
        this.reporting = reporting;
        this.settings = settings;
        this.plateReader = plateReader;
        this.faceFinder = faceFinder;
        this.objectFinder = objectFinder;
        this.clock = clock;
        var numbered = new java.util.concurrent.atomic.AtomicInteger();
        this.models = java.util.concurrent.Executors.newFixedThreadPool(settings.analysisThreads(),
            task -> Thread.ofPlatform().name("vision-analysis-" + numbered.incrementAndGet()).daemon().stackSize(16L << 20).unstarted(task));
    }

    @Override
    public Optional<FrameRequest> wanted(long cameraId) {
        var camera = current().get(cameraId);
        if (!settings.analysis() || camera == null) {
            var stopped = analyses.remove(cameraId);
            if (stopped != null) {
                reporting.report(stopped, stopped.flush(clock.instant()), camera == null ? AnalyticsSettings.off() : camera);
            }
            return Optional.empty();
        }
        return Optional.of(new FrameRequest(camera.framesPerSecond(), settings.frameWidth()));
    }

    @Override
    public void frame(CameraFrame frame) {
        inFlight.incrementAndGet();
        try {
            if (running) {
                analyse(frame);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void analyse(CameraFrame frame) {
        var camera = current().get(frame.cameraId());
        if (camera == null) {
            return; // switched off a moment ago; the recorder stops decoding at its next look
        }
        var analysis = analyses.computeIfAbsent(frame.cameraId(), id -> new CameraAnalysis(id, settings));
        Instant at = frame.capturedAt();
        CameraAnalysis.Findings findings;
        var movement = analysis.look(frame.image(), frame.droppedBefore(), at);
        if (movement.moving()) {
            try {
                findings = models.submit(() -> analysis.analyse(frame.image(), movement, at, camera, analysers())).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                analysis.failed("analysis failed: " + e.getCause().getMessage(), at);
                throw new IllegalStateException("analysis failed", e.getCause());
            }
        } else {
            findings = analysis.idle(at, camera);
        }
        reporting.report(analysis, findings, camera);
    }

    /** The camera's analysis counts on this node (zeros for a camera it does not analyse). */
    Map<String, Object> status(long cameraId) {
        var analysis = analyses.get(cameraId);
        var camera = current().get(cameraId);
        boolean on = settings.analysis() && camera != null;
        return (analysis == null ? new CameraAnalysis(cameraId, settings) : analysis).status(on, NODE,
            camera == null ? AnalyticsSettings.DEFAULT_RATE : camera.framesPerSecond());
    }

    /** The boxes of the camera's latest analysed frame on this node, if it analysed one. */
    Optional<CameraAnalysis.FrameBoxes> boxes(long cameraId) {
        return Optional.ofNullable(analyses.get(cameraId)).map(a -> a.lastBoxes);
    }

    /** The analysis of a camera, made if it has none yet: for tests that show it frames by hand. */
    CameraAnalysis analysis(long cameraId) {
        return analyses.computeIfAbsent(cameraId, id -> new CameraAnalysis(id, settings));
    }

    /** This instance's host name, as the status names it: each node analyses its own share of the cameras. */
    static final String NODE = hostName();

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * Forgets the cached settings, so a change made here applies at once: after the change's commit, or a
     * frame analysed meanwhile would cache the settings as they were for another {@code settings-refresh}.
     */
    void settingsChanged() {
        Runnable forget = () -> everRead = false;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        forget.run();
                    }
                });
        } else {
            forget.run();
        }
    }

    private CameraAnalysis.Analysers analysers() {
        return new CameraAnalysis.Analysers(plateReader.getIfAvailable(), faceFinder.getIfAvailable(), objectFinder.getIfAvailable());
    }

    private Map<Long, AnalyticsSettings> current() {
        long now = System.nanoTime();
        if (!everRead || now - readAtNanos > settings.settingsRefresh().toNanos()) {
            switchedOn = store.switchedOn();
            readAtNanos = now;
            everRead = true;
        }
        return switchedOn;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Takes no more frames and waits (at most {@link #LONGEST_STOP}) for those in analysis. */
    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + LONGEST_STOP.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the recorders (and long before the models and the database close). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}

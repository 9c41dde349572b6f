package org.safecity.vision.internal.analytics;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.safecity.vision.internal.FaceFinder;
import org.safecity.vision.internal.ObjectFinder;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.Point;
import org.safecity.vision.internal.VisionSettings;
import org.safecity.vision.internal.plates.PlateVoting;

/**
 * One camera's analysis between frames: its motion gate, tracker, scene, plate votes and recent faces,
 * and the counts its status shows. Turns each frame into findings for the intake. Used by the camera's
 * delivery thread only; the counts are read by requests.
 */
final class CameraAnalysis {

    /** What one frame found, ready to report. */
    record Findings(Instant at, List<PlateVoting.Voted> plates, List<SceneEvent> events, List<FaceFinder.FoundFace> faces, List<Track> ended) {
        boolean isEmpty() {
            return plates.isEmpty() && events.isEmpty() && faces.isEmpty() && ended.isEmpty();
        }
    }

    /** What the latest analysed frame showed where, in its pixels: for drawing over the live video. */
    record FrameBoxes(Instant at, int width, int height, List<Box> boxes) {
        FrameBoxes {
            boxes = List.copyOf(boxes);
        }
    }

    /** One thing found: {@code kind} plate, face or object; {@code label} the plate's text or the object's class. */
    record Box(String kind, String label, double confidence, PixelBox box) {
    }

    /** The models this node has; a null one is not installed. */
    record Analysers(PlateReader plates, FaceFinder faces, ObjectFinder objects) {
    }

    final long cameraId;
    private final VisionSettings settings;
    private final MotionGate gate;
    private final Tracker tracker;
    private final SceneWatch scene = new SceneWatch();
    private final PlateVoting voting;
    private final List<Recent> recentFaces = new ArrayList<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong still = new AtomicLong();
    final AtomicLong analysed = new AtomicLong();
    final AtomicLong plateReads = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final Map<String, Map<String, Long>> crossings = new ConcurrentHashMap<>();
    volatile Instant lastFrameAt;
    volatile Instant lastAnalysedAt;
    volatile Double lastAnalysisMillis;
    volatile String lastError;
    volatile Instant lastErrorAt;
    volatile FrameBoxes lastBoxes;
    /** Share of recent frames dropped because analysis was busy, smoothed over about the last 20 frames. */
    private volatile double recentSkipped;

    private record Recent(float[] embedding, Instant at) {
    }

    CameraAnalysis(long cameraId, VisionSettings settings) {
        this.cameraId = cameraId;
        this.settings = settings;
        this.gate = new MotionGate(settings.motionThreshold(), settings.motionShare(), 0.05);
        this.tracker = new Tracker(0.3, 0.12, settings.trackLostAfter());
        this.voting = new PlateVoting(settings.plateQuiet(), settings.plateLongest(), settings.plateAgreeing());
    }

    /**
     * Where the frame moves against the camera's recent frames: worth the models ({@link #analyse}) when it moves, else
     * {@link #idle}. Counts the frame either way.
     */
    MotionGate.Movement look(BufferedImage frame, long droppedBefore, Instant at) {
        received.incrementAndGet();
        dropped.addAndGet(droppedBefore);
        double share = droppedBefore / (droppedBefore + 1.0);
        recentSkipped = recentSkipped * 0.95 + share * 0.05;
        lastFrameAt = at;
        var movement = gate.look(frame);
        if (!movement.moving()) {
            still.incrementAndGet();
        }
        return movement;
    }

    /** Shows a moving frame to the models that are on, plates read only where it moved, and makes the frame's findings. */
    Findings analyse(BufferedImage frame, MotionGate.Movement movement, Instant at, AnalyticsSettings camera, Analysers analysers) {
        long started = System.nanoTime();
        int width = frame.getWidth();
        int height = frame.getHeight();
        var problems = new ArrayList<String>();
        var reads = new ArrayList<PlateVoting.Read>();
        if (camera.plates()) {
            if (analysers.plates() == null) {
                problems.add("no plate reader is installed");
            } else {
                for (var read : analysers.plates().readFrame(frame, movement.parts())) {
                    Point centre = Point.centreOf(read.box(), width, height);
                    if (camera.watched(centre)) {
                        reads.add(new PlateVoting.Read(at, read, crop(frame, read.box()), centre));
                    }
                }
            }
        }
        var found = new ArrayList<ObjectFinder.FoundObject>();
        if (camera.objects()) {
            if (analysers.objects() == null) {
                problems.add("no people and vehicle finder is installed");
            } else {
                for (var object : analysers.objects().find(frame)) {
                    if (camera.watched(Point.footOf(object.box(), width, height))) {
                        found.add(object);
                    }
                }
            }
        }
        var faces = new ArrayList<FaceFinder.FoundFace>();
        if (camera.faces()) {
            if (analysers.faces() == null) {
                problems.add("no face finder is installed");
            } else {
                for (var face : analysers.faces().find(frame)) {
                    if (face.embedding() != null && camera.watched(Point.centreOf(face.box(), width, height)) && isNew(face, at)) {
                        faces.add(face);
                    }
                }
            }
        }
        var boxes = new ArrayList<Box>();
        reads.forEach(r -> boxes.add(new Box("plate", r.read().text(), r.read().confidence(), r.read().box())));
        found.forEach(o -> boxes.add(new Box("object", objectName(o.objectClass()), o.confidence(), o.box())));
        faces.forEach(f -> boxes.add(new Box("face", "face", f.confidence(), f.box())));
        lastBoxes = new FrameBoxes(at, width, height, boxes);
        var plates = voting.add(reads, at, camera::pathComplete);
        List<SceneEvent> sceneEvents = List.of();
        List<Track> ended = List.of();
        if (camera.objects() && analysers.objects() != null) {
            var update = tracker.update(found, width, height, at);
            sceneEvents = scene.after(update, camera, at);
            ended = update.ended();
        }
        analysed.incrementAndGet();
        lastAnalysedAt = at;
        lastAnalysisMillis = Math.round((System.nanoTime() - started) / 100_000.0) / 10.0;
        if (!problems.isEmpty()) {
            failed(String.join("; ", problems), at);
        }
        count(plates, sceneEvents);
        return new Findings(at, plates, sceneEvents, faces, ended);
    }

    /** A still frame still lets time pass: plate votes fall due. */
    Findings idle(Instant at, AnalyticsSettings camera) {
        var plates = voting.add(List.of(), at); // no new read: no plate can come to agree, only fall due
        count(plates, List.of());
        return new Findings(at, plates, List.of(), List.of(), List.of());
    }

    /** Votes what is open, as when the camera's analysis stops. */
    Findings flush(Instant at) {
        var plates = voting.flush(at);
        count(plates, List.of());
        return new Findings(at, plates, List.of(), List.of(), tracker.endAll());
    }

    void failed(String problem, Instant at) {
        lastError = problem;
        lastErrorAt = at;
    }

    private void count(List<PlateVoting.Voted> plates, List<SceneEvent> sceneEvents) {
        plateReads.addAndGet(plates.size());
        events.addAndGet(sceneEvents.size());
        for (var event : sceneEvents) {
            if (event.analytic().equals("line_crossing")) {
                crossings.computeIfAbsent(event.place(), k -> new ConcurrentHashMap<>())
                    .merge(String.valueOf(event.more().get("direction")), 1L, Long::sum);
            }
        }
    }

    /** Whether no face like this one was reported by this camera within {@code faceRepeat}. */
    private boolean isNew(FaceFinder.FoundFace face, Instant at) {
        recentFaces.removeIf(r -> Duration.between(r.at(), at).compareTo(settings.faceRepeat()) > 0);
        for (Recent recent : recentFaces) {
            if (recent.embedding().length == face.embedding().length && cosine(recent.embedding(), face.embedding()) > 0.7) {
                return false;
            }
        }
        recentFaces.add(new Recent(face.embedding(), at));
        return true;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** The plate with a margin around it, copied out of the frame (which is not kept). */
    static BufferedImage crop(BufferedImage frame, PixelBox box) {
        int marginX = box.width() / 6;
        int marginY = box.height() / 3;
        int x = Math.max(0, box.x() - marginX);
        int y = Math.max(0, box.y() - marginY);
        int right = Math.min(frame.getWidth(), box.right() + marginX);
        int bottom = Math.min(frame.getHeight(), box.bottom() + marginY);
        var crop = new BufferedImage(Math.max(1, right - x), Math.max(1, bottom - y), BufferedImage.TYPE_3BYTE_BGR);
        var g = crop.createGraphics();
        g.drawImage(frame, 0, 0, crop.getWidth(), crop.getHeight(), x, y, right, bottom, null);
        g.dispose();
        return crop;
    }

    /**
     * The counts, and whether analysis keeps up with the camera's frame rate: few recent frames dropped
     * and the last frame analysed within a frame's interval. {@code node} is the instance answering.
     */
    Map<String, Object> status(boolean on, String node, double framesPerSecond) {
        var m = new LinkedHashMap<String, Object>();
        m.put("cameraId", cameraId);
        m.put("node", node);
        m.put("analysing", on);
        double skipped = Math.round(recentSkipped * 1000) / 1000.0;
        Double took = lastAnalysisMillis;
        m.put("keepingUp", !on || lastFrameAt == null ? null : skipped < 0.05 && (took == null || took <= 1000 / framesPerSecond));
        m.put("recentSkippedShare", lastFrameAt == null ? null : skipped);
        m.put("framesReceived", received.get());
        m.put("framesSkipped", dropped.get());
        m.put("framesStill", still.get());
        m.put("framesAnalysed", analysed.get());
        long looked = still.get() + analysed.get();
        m.put("motionShare", looked == 0 ? null : Math.round(analysed.get() * 1000.0 / looked) / 1000.0);
        m.put("lastFrameAt", lastFrameAt);
        m.put("lastAnalysedAt", lastAnalysedAt);
        m.put("lastAnalysisMillis", lastAnalysisMillis);
        m.put("plateReads", plateReads.get());
        m.put("events", events.get());
        m.put("crossings", Map.copyOf(crossings));
        m.put("lastError", lastError);
        m.put("lastErrorAt", lastErrorAt);
        return m;
    }

    static String objectName(ObjectFinder.ObjectClass c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}

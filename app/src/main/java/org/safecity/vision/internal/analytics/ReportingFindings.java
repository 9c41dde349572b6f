package org.safecity.vision.internal.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.detections.DetectionIntake;
import org.safecity.detections.DetectionIntake.AnalyticItem;
import org.safecity.detections.DetectionIntake.FaceItem;
import org.safecity.detections.DetectionIntake.Item;
import org.safecity.detections.DetectionIntake.ObjectItem;
import org.safecity.detections.DetectionIntake.PlateItem;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.OwnDevices;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.plates.CropStore;
import org.safecity.vision.internal.plates.PlateReadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a camera's findings to the detections intake, as the device {@value #DEVICE}. Each event id is
 * made of the camera, the analyser and the frame time (and the plate, track or place), so the same
 * finding submitted twice is stored once. A plate's crop is stored first and named in its details.
 */
@Component
public class ReportingFindings {

    public static final String DEVICE = "SafeCity vision";
    private static final Logger log = LoggerFactory.getLogger(ReportingFindings.class);
    private static final int ATTEMPTS = 3;

    private final DetectionIntake intake;
    private final OwnDevices devices;
    private final CropStore crops;
    private final PlateReadStore reads;
    private final CameraDirectory cameras;

    ReportingFindings(DetectionIntake intake, OwnDevices devices, CropStore crops, PlateReadStore reads, CameraDirectory cameras) {
        this.intake = intake;
        this.devices = devices;
        this.crops = crops;
        this.reads = reads;
        this.cameras = cameras;
    }

    /** Submits the findings; answers how many were stored anew. Waits and tries again while the intake is busy. */
    int report(CameraAnalysis camera, CameraAnalysis.Findings findings, AnalyticsSettings settings) {
        if (findings.isEmpty()) {
            return 0;
        }
        List<Item> items = items(camera.cameraId, findings, settings);
        long device = devices.deviceNamed(DEVICE);
        for (int attempt = 1; ; attempt++) {
            try {
                var outcome = intake.submit(device, items);
                var refused = new java.util.HashSet<Integer>();
                for (var rejected : outcome.rejected()) {
                    refused.add(rejected.index());
                    log.warn("camera {}: vision finding {} refused: {}", camera.cameraId, items.get(rejected.index()).eventId(),
                        rejected.reason());
                    camera.failed("a finding was refused: " + rejected.reason(), items.get(rejected.index()).observedAt());
                }
                try {
                    keepReads(camera.cameraId, items, refused);
                } catch (RuntimeException e) { // the sightings are stored; only the reads page misses these
                    log.warn("camera {}: plate reads not kept for the reads page: {}", camera.cameraId, e.getMessage());
                }
                return outcome.accepted();
            } catch (DetectionIntake.Busy busy) {
                if (attempt == ATTEMPTS) {
                    log.warn("camera {}: {} findings not confirmed stored after {} attempts: {}", camera.cameraId, items.size(), ATTEMPTS,
                        busy.getMessage());
                    camera.failed("findings not confirmed stored: " + busy.getMessage(), items.getFirst().observedAt());
                    return 0;
                }
                try {
                    Thread.sleep(Duration.ofSeconds(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }
    }

    /** Keeps the plate reads the intake stored (now or before) for the reads page and their corrections. */
    private void keepReads(long cameraId, List<Item> items, java.util.Set<Integer> refused) {
        var camera = cameras.find(cameraId);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof PlateItem plate && !refused.contains(i)) {
                Object crop = plate.more().get("crop");
                reads.add(plate.eventId(), cameraId, camera.map(CameraSummary::cityCode).orElse(null),
                    camera.map(CameraSummary::zoneCode).orElse(null), plate.observedAt(), plate.text(),
                    org.safecity.shared.Plate.normalise(plate.text()), (String) plate.more().get("format"), plate.confidence(),
                    crop instanceof Map<?, ?> named ? (String) named.get("path") : null);
            }
        }
    }

    List<Item> items(long cameraId, CameraAnalysis.Findings findings, AnalyticsSettings settings) {
        var items = new ArrayList<Item>();
        for (var plate : findings.plates()) {
            long millis = plate.firstAt().toEpochMilli();
            String name = "plate-" + millis + "-" + plate.normalized().toLowerCase(java.util.Locale.ROOT);
            var more = new LinkedHashMap<String, Object>();
            more.put("box", box(plate.box()));
            more.put("format", plate.format());
            more.put("reads", plate.reads());
            more.put("lastSeenAt", plate.lastAt().toString());
            if (plate.crop() != null) {
                String path = crops.store(cameraId, plate.firstAt(), name, plate.crop());
                more.put("crop", Map.of("path", path, "url", "/api/v1/cameras/" + cameraId + "/analytics/crops/" + path
                    .substring(path.indexOf('/') + 1)));
            }
            for (var line : settings.lines()) {
                line.line().crossing(plate.first(), plate.last()).ifPresent(direction -> {
                    more.put("direction", direction);
                    more.put("line", line.name());
                });
            }
            more.put("source", "vision");
            items.add(new PlateItem("vision:" + cameraId + ":plate:" + millis + ":" + plate.normalized(), cameraId, plate.firstAt(),
                plate.text(), plate.confidence(), more));
        }
        for (var event : findings.events()) {
            var more = new LinkedHashMap<String, Object>(event.more());
            more.put(event.analytic().equals("crowd") || event.analytic().equals("loitering") ? "zone" : "line", event.place());
            if (event.trackId() > 0) {
                more.put("trackId", event.trackId());
            }
            more.put("source", "vision");
            items.add(new AnalyticItem(eventId(cameraId, event.analytic(), findings.at(), event.trackId() > 0 ? "t" + event.trackId()
                : "z" + Integer.toHexString(event.place().hashCode())), cameraId, findings.at(), event.analytic(), null, more));
        }
        int face = 0;
        for (var found : findings.faces()) {
            items.add(new FaceItem(eventId(cameraId, "face", findings.at(), "f" + face++), cameraId, findings.at(), found.embedding(),
                found.model(), found.confidence(), Map.of("box", box(found.box()), "source", "vision")));
        }
        for (var track : findings.ended()) {
            if (track.lastSeen.isAfter(track.firstSeen)) {
                items.add(new ObjectItem(eventId(cameraId, "object", track.firstSeen, "t" + track.id), cameraId, track.firstSeen,
                    CameraAnalysis.objectName(track.objectClass), Math.round(track.confidence * 1000) / 1000.0,
                    Map.of("box", box(track.box), "trackId", track.id, "lastSeenAt", track.lastSeen.toString(), "source", "vision")));
            }
        }
        return items;
    }

    private static String eventId(long cameraId, String analyser, java.time.Instant frameAt, String which) {
        return "vision:" + cameraId + ":" + analyser + ":" + frameAt.toEpochMilli() + ":" + which;
    }

    private static Map<String, Integer> box(PixelBox box) {
        return Map.of("x", box.x(), "y", box.y(), "width", box.width(), "height", box.height());
    }
}

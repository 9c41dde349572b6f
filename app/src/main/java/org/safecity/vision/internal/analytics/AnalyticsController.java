package org.safecity.vision.internal.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.NotFound;
import org.safecity.vision.internal.plates.CropStore;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A camera's analytics settings, its analysis status, and the plate crops of its reads, within the caller's jurisdiction. */
@RestController
@Tag(name = "Vision", description = "Analytics settings per camera (analysers, frame rate, regions, lines, zones and rules), status, plate crops")
class AnalyticsController {

    private static final String READERS = "hasAnyRole('OPERATOR','SUPERVISOR','ADMIN')";
    private static final String WRITERS = "hasAnyRole('SUPERVISOR','ADMIN')";
    /** Those who watch live video, over which the boxes are drawn. */
    private static final String WATCHERS = "hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','ADMIN')";
    private static final String CROP_VIEWERS = "hasAnyRole('OPERATOR','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','ADMIN')";

    private final CameraDirectory cameras;
    private final AnalyticsSettingsStore store;
    private final WatchingCameras watching;
    private final CropStore crops;
    private final AuditTrail audit;
    private final Clock clock;

    AnalyticsController(CameraDirectory cameras, AnalyticsSettingsStore store, WatchingCameras watching, CropStore crops, AuditTrail audit,
                        Clock clock) {
        this.cameras = cameras;
        this.store = store;
        this.watching = watching;
        this.crops = crops;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/cameras/{id}/analytics")
    @PreAuthorize(READERS)
    @Operation(summary = "The camera's analytics settings: plates, faces, objects (people and vehicles), framesPerSecond, "
        + "regions (polygons of [x, y] from 0 to 1), lines (name, from, to, direction, opposite, rules: count, wrong_way) and "
        + "zones (name, polygon, rules: loitering with seconds, crowding with people); all off for a camera never set")
    Map<String, Object> settings(@PathVariable long id) {
        camera(id);
        return view(id);
    }

    @PutMapping(path = "/api/v1/cameras/{id}/analytics", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITERS)
    @Writes(Writes.Scope.JURISDICTION)
    @Transactional
    @Operation(summary = "Set the camera's analytics settings, as GET shows them; every field in error is named and nothing is changed. "
        + "The camera's recorder starts or stops decoding frames within safecity.video.reconcile-interval")
    Map<String, Object> put(@PathVariable long id, @RequestBody JsonNode body) {
        camera(id);
        var settings = ReadingAnalyticsSettings.read(body);
        Instant now = clock.instant();
        store.put(id, settings, CurrentActor.name(), now);
        audit.record("vision.analytics-set", "camera", Long.toString(id), null, Map.of("plates", settings.plates(),
            "faces", settings.faces(), "objects", settings.objects(), "framesPerSecond", settings.framesPerSecond(),
            "regions", settings.regions().size(), "lines", settings.lines().size(), "zones", settings.zones().size()));
        watching.settingsChanged();
        return view(id);
    }

    @GetMapping("/api/v1/cameras/{id}/analytics/status")
    @PreAuthorize(READERS)
    @Operation(summary = "The camera's analysis on this node: framesReceived, framesSkipped (dropped while analysis was busy), "
        + "framesStill (no motion), framesAnalysed, motionShare, lastAnalysisMillis, plateReads, events, crossings by line and "
        + "direction, lastError")
    Map<String, Object> status(@PathVariable long id) {
        camera(id);
        return watching.status(id);
    }

    @GetMapping("/api/v1/cameras/{id}/analytics/boxes")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "What the camera's latest analysed frame showed where, for drawing over its live video: at (the frame's time), ageMillis, "
        + "width and height (the frame's pixels), boxes (kind plate, face or object; label; confidence; x, y, width, height) and node; "
        + "no boxes when this node analyses no frame of the camera")
    Map<String, Object> boxes(@PathVariable long id) {
        camera(id);
        var m = new LinkedHashMap<String, Object>();
        m.put("cameraId", id);
        m.put("node", WatchingCameras.NODE);
        var latest = watching.boxes(id);
        m.put("at", latest.map(CameraAnalysis.FrameBoxes::at).orElse(null));
        // by this node's clock, so that the browser needs not trust its own to tell current boxes from old ones
        m.put("ageMillis", latest.map(frame -> java.time.Duration.between(frame.at(), clock.instant()).toMillis()).orElse(null));
        m.put("width", latest.map(CameraAnalysis.FrameBoxes::width).orElse(null));
        m.put("height", latest.map(CameraAnalysis.FrameBoxes::height).orElse(null));
        m.put("boxes", latest.map(frame -> frame.boxes().stream().map(b -> Map.of("kind", b.kind(), "label", b.label(),
            "confidence", Math.round(b.confidence() * 1000) / 1000.0, "x", b.box().x(), "y", b.box().y(), "width", b.box().width(),
            "height", b.box().height())).toList()).orElse(List.of()));
        return m;
    }

    @GetMapping(path = "/api/v1/cameras/{id}/analytics/crops/{day}/{name}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize(CROP_VIEWERS)
    @Operation(summary = "The plate crop of one of the camera's reads (JPEG), as named in the read's details (crop.url)")
    ResponseEntity<byte[]> crop(@PathVariable long id, @PathVariable String day, @PathVariable String name) {
        camera(id);
        String path = id + "/" + day + "/" + name + ".jpg";
        byte[] bytes = crops.read(path).orElseThrow(() -> new NotFound("plate crop", path));
        audit.record("vision.crop-viewed", "camera", Long.toString(id), null, Map.of("crop", path));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(bytes);
    }

    private Map<String, Object> view(long id) {
        var stored = store.find(id);
        var m = new LinkedHashMap<String, Object>();
        m.put("cameraId", id);
        m.putAll(stored.map(AnalyticsSettingsStore.Stored::settings).orElse(AnalyticsSettings.off()).json());
        m.put("changedBy", stored.map(AnalyticsSettingsStore.Stored::changedBy).orElse(null));
        m.put("changedAt", stored.map(AnalyticsSettingsStore.Stored::changedAt).orElse(null));
        return m;
    }

    private CameraSummary camera(long id) {
        return cameras.find(id).filter(c -> CurrentActor.jurisdiction().covers(c.cityCode(), c.zoneCode()))
            .orElseThrow(() -> new NotFound("camera", id));
    }
}

package org.safecity.detections.internal.sightings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.internal.CameraPlacements;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where vehicles and other detections were seen, for investigators: every search states its purpose and is audited. */
@RestController
@Tag(name = "Sightings", description = "Search stored detections by plate (exact or OCR-tolerant), time, place and camera")
class SightingController {

    private final SearchingSightings searching;
    private final CameraPlacements cameras;
    private final JsonMapper json;

    SightingController(SearchingSightings searching, CameraPlacements cameras, JsonMapper json) {
        this.searching = searching;
        this.cameras = cameras;
        this.json = json;
    }

    record SightingView(long id, String kind, String plate, String plateRead, Double confidence, long cameraId, String cameraName,
                        String siteName, String cityCode, Double lat, Double lon, Instant observedAt, JsonNode details) {
    }

    record RoutePoint(Instant observedAt, long cameraId, String siteName, Double lat, Double lon, String plateRead) {
    }

    record Route(String plate, List<RoutePoint> points) {
    }

    @GetMapping("/api/v1/sightings")
    @PreAuthorize("hasAnyRole('ADMIN','INVESTIGATOR','SUPERVISOR','OPERATOR')")
    @Operation(summary = "Sightings in time order; purpose (case number or reason) is required and the search is audited. "
        + "bbox is minLon,minLat,maxLon,maxLat; fuzzy=true forgives O/0/D/Q, I/1/L, B/8, S/5, Z/2, G/6 and one missing or extra character")
    Map<String, Object> search(@RequestParam(required = false) String plate, @RequestParam(required = false) Boolean fuzzy,
                               @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String city,
                               @RequestParam(required = false) Long cameraId, @RequestParam(required = false) String bbox,
                               @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer limit) {
        var found = searching.search(new SearchingSightings.Request(plate, fuzzy, kind, from, to, city, cameraId, bbox, purpose, limit));
        var items = found.stream().map(s -> {
            var camera = cameras.find(s.cameraId());
            return new SightingView(s.id(), s.kind().jsonName(), s.plate(), s.plateRead(), s.confidence(), s.cameraId(),
                camera.map(CameraSummary::name).orElse(null), camera.map(CameraSummary::siteName).orElse(null), s.cityCode(), s.lat(),
                s.lon(), s.observedAt(), json.readTree(s.details()));
        }).toList();
        return Map.of("items", items, "count", items.size());
    }

    @GetMapping("/api/v1/sightings/route")
    @PreAuthorize("hasAnyRole('ADMIN','INVESTIGATOR','SUPERVISOR','OPERATOR')")
    @Operation(summary = "A vehicle's route: its plate's sightings in time order with the cameras' positions, for the map; audited")
    Route route(@RequestParam(required = false) String plate, @RequestParam(required = false) Boolean fuzzy,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String purpose) {
        if (plate == null || plate.isBlank()) {
            throw new InvalidInput("plate", "is required for a route");
        }
        var found = searching.search(new SearchingSightings.Request(plate, fuzzy, DetectionKind.PLATE.jsonName(), from, to, null, null,
            null, purpose, SearchingSightings.MOST_RESULTS));
        var points = found.stream().map(s -> new RoutePoint(s.observedAt(), s.cameraId(),
            cameras.find(s.cameraId()).map(CameraSummary::siteName).orElse(null), s.lat(), s.lon(), s.plateRead())).toList();
        return new Route(org.safecity.shared.Plate.of(plate).normalised(), points);
    }
}

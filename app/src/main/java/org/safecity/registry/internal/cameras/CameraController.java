package org.safecity.registry.internal.cameras;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.safecity.identity.Writes;
import org.safecity.registry.internal.Access;
import org.safecity.registry.internal.Filters;
import org.safecity.registry.internal.Retirement;
import org.safecity.registry.internal.Views;
import org.safecity.registry.internal.Visibility;
import org.safecity.registry.internal.presence.Observations;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The cameras of the network: list and map them, register, change and retire them. */
@RestController
@Tag(name = "Cameras", description = "The camera network; reads are limited to the caller's jurisdiction (a partner sees its own cameras)")
class CameraController {

    private final CameraStore cameras;
    private final RegisteringCameras registering;
    private final Filters filters;
    private final Observations observations;

    CameraController(CameraStore cameras, RegisteringCameras registering, Filters filters, Observations observations) {
        this.observations = observations;
        this.cameras = cameras;
        this.registering = registering;
        this.filters = filters;
    }

    @GetMapping("/api/v1/cameras")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "List cameras, a page at a time, filtered by city, zone, phase, observed status, installation, type, site "
        + "or map box; status is what SafeCity observes (ONLINE only while video or detections arrive), installation what people recorded")
    PageOf<Views.CameraView> list(@RequestParam(required = false) @Parameter(description = "city code, e.g. PSH") String city,
                                  @RequestParam(required = false) @Parameter(description = "zone code within the city") String zone,
                                  @RequestParam(required = false) Integer phase,
                                  @RequestParam(required = false) @Parameter(description = "as observed: ONLINE, OFFLINE or UNKNOWN") String status,
                                  @RequestParam(required = false) @Parameter(description = "as recorded: PLANNED, INSTALLED or FAULTY") String installation,
                                  @RequestParam(required = false) @Parameter(description = "FIXED, PTZ, ANPR or FACE") String type,
                                  @RequestParam(required = false) Long siteId,
                                  @RequestParam(required = false) @Parameter(description = "minLon,minLat,maxLon,maxLat") String bbox,
                                  @RequestParam(defaultValue = "false") @Parameter(description = "include retired cameras") boolean retired,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var query = filters.cameras(city, zone, phase, status, installation, type, siteId, bbox, retired);
        var request = PageRequest.of(page, size);
        var visibility = Visibility.ofCaller();
        var found = cameras.list(query, visibility, request.size(), request.offset());
        var seen = observations.of(found.stream().map(Camera::id).toList());
        return new PageOf<>(found.stream().map(c -> Views.CameraView.of(c, seen.get(c.id()))).toList(),
            request.page(), request.size(), cameras.count(query, visibility));
    }

    @GetMapping(path = "/api/v1/cameras.geojson", produces = {"application/geo+json", "application/json"})
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "All matching cameras as a GeoJSON FeatureCollection for the map (same filters, not paged)")
    Views.FeatureCollection geojson(@RequestParam(required = false) String city, @RequestParam(required = false) String zone,
                                    @RequestParam(required = false) Integer phase, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String installation, @RequestParam(required = false) String type, @RequestParam(required = false) Long siteId,
                                    @RequestParam(required = false) String bbox) {
        var query = filters.cameras(city, zone, phase, status, installation, type, siteId, bbox, false);
        var found = cameras.list(query, Visibility.ofCaller(), -1, 0);
        var seen = observations.of(found.stream().map(Camera::id).toList());
        return Views.FeatureCollection.of(found.stream().map(c -> Views.feature(c, seen.get(c.id()))).toList());
    }

    @GetMapping("/api/v1/cameras/{id}")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "One camera as observed (status, last heard, uptime over the last 24 hours and 7 days) and as recorded "
        + "(never its password: hasCredentials says whether one is stored)")
    Views.CameraView get(@PathVariable long id) {
        return view(registering.visible(id, Visibility.ofCaller()));
    }

    private Views.CameraView view(Camera camera) {
        return Views.CameraView.of(camera, observations.of(camera.id()));
    }

    @PostMapping("/api/v1/cameras")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Register a camera at a site; stream credentials are stored encrypted")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Views.CameraView> create(@RequestBody CameraInput input) {
        var visibility = Visibility.ofCaller();
        long id = registering.register(input, visibility);
        return ResponseEntity.created(URI.create("/api/v1/cameras/" + id)).body(view(registering.visible(id, visibility)));
    }

    @PutMapping("/api/v1/cameras/{id}")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change a camera; credentials left out are kept, clearCredentials removes them")
    Views.CameraView update(@PathVariable long id, @RequestBody CameraInput input) {
        var visibility = Visibility.ofCaller();
        registering.change(id, input, visibility);
        return view(registering.visible(id, visibility));
    }

    @PostMapping("/api/v1/cameras/{id}/retire")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Retire a camera (its history stays; nothing is deleted)")
    Views.CameraView retire(@PathVariable long id, @Valid @RequestBody Retirement retirement) {
        var visibility = Visibility.ofCaller();
        registering.retire(id, retirement.reason().strip(), visibility);
        return view(registering.visible(id, visibility));
    }
}

package org.safecity.registry.internal.sites;

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
import org.safecity.registry.internal.cameras.Camera;
import org.safecity.registry.internal.cameras.CameraStore;
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

/** The sites of the network: list and map them, register, move forward through the rollout, retire. */
@RestController
@Tag(name = "Sites", description = "Places where cameras stand; a site moves PLANNED, SURVEYED, INSTALLED, COMMISSIONED")
class SiteController {

    private final SiteStore sites;
    private final RegisteringSites registering;
    private final Filters filters;
    private final CameraStore cameras;
    private final Observations observations;

    SiteController(SiteStore sites, RegisteringSites registering, Filters filters, CameraStore cameras, Observations observations) {
        this.cameras = cameras;
        this.observations = observations;
        this.sites = sites;
        this.registering = registering;
        this.filters = filters;
    }

    @GetMapping("/api/v1/sites")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "List sites, a page at a time, filtered by city, zone, phase, status, kind or map box")
    PageOf<Views.SiteView> list(@RequestParam(required = false) @Parameter(description = "city code, e.g. PSH") String city,
                                @RequestParam(required = false) String zone, @RequestParam(required = false) Integer phase,
                                @RequestParam(required = false) @Parameter(description = "PLANNED, SURVEYED, INSTALLED or COMMISSIONED") String status,
                                @RequestParam(required = false) @Parameter(description = "bazaar, junction, hospital, transport, government, education, entry or other") String kind,
                                @RequestParam(required = false) @Parameter(description = "minLon,minLat,maxLon,maxLat") String bbox,
                                @RequestParam(defaultValue = "false") @Parameter(description = "include retired sites") boolean retired,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var query = filters.sites(city, zone, phase, status, kind, bbox, retired);
        var request = PageRequest.of(page, size);
        var visibility = Visibility.ofCaller();
        return new PageOf<>(sites.list(query, visibility, request.size(), request.offset()).stream().map(Views.SiteView::of).toList(),
            request.page(), request.size(), sites.count(query, visibility));
    }

    @GetMapping(path = "/api/v1/sites.geojson", produces = {"application/geo+json", "application/json"})
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "All matching sites as a GeoJSON FeatureCollection for the map (same filters, not paged)")
    Views.FeatureCollection geojson(@RequestParam(required = false) String city, @RequestParam(required = false) String zone,
                                    @RequestParam(required = false) Integer phase, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String kind, @RequestParam(required = false) String bbox) {
        var query = filters.sites(city, zone, phase, status, kind, bbox, false);
        return Views.FeatureCollection.of(sites.list(query, Visibility.ofCaller(), -1, 0).stream().map(Views::feature).toList());
    }

    @GetMapping("/api/v1/sites/{id}")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "One site, with the uptime of its cameras over the last 24 hours and 7 days (the mean over those ever heard from)")
    Views.SiteView get(@PathVariable long id) {
        var visibility = Visibility.ofCaller();
        var site = registering.visible(id, visibility);
        var ofSite = cameras.list(filters.cameras(null, null, null, null, null, null, id, null, false), visibility, -1, 0);
        return Views.SiteView.of(site, observations.site(ofSite.stream().map(Camera::id).toList()));
    }

    @PostMapping("/api/v1/sites")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Register a site")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Views.SiteView> create(@RequestBody SiteInput input) {
        var visibility = Visibility.ofCaller();
        long id = registering.register(input, visibility);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + id)).body(Views.SiteView.of(registering.visible(id, visibility)));
    }

    @PutMapping("/api/v1/sites/{id}")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change a site; its status only moves forward, each step's date is kept")
    Views.SiteView update(@PathVariable long id, @RequestBody SiteInput input) {
        var visibility = Visibility.ofCaller();
        registering.change(id, input, visibility);
        return Views.SiteView.of(registering.visible(id, visibility));
    }

    @PostMapping("/api/v1/sites/{id}/retire")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Retire a site (its history stays; nothing is deleted)")
    Views.SiteView retire(@PathVariable long id, @Valid @RequestBody Retirement retirement) {
        var visibility = Visibility.ofCaller();
        registering.retire(id, retirement.reason().strip(), visibility);
        return Views.SiteView.of(registering.visible(id, visibility));
    }
}

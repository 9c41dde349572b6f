package org.safecity.registry.internal.places;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.safecity.identity.Writes;
import org.safecity.registry.internal.Access;
import org.safecity.registry.internal.Filters;
import org.safecity.registry.internal.Retirement;
import org.safecity.registry.internal.Views;
import org.safecity.registry.internal.Visibility;
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

/** Zones: the police station areas of a city, the zone part of a jurisdiction. */
@RestController
@Tag(name = "Zones", description = "Police station areas within a city")
class ZoneController {

    private final ZoneStore zones;
    private final DrawingZones drawing;
    private final Filters filters;

    ZoneController(ZoneStore zones, DrawingZones drawing, Filters filters) {
        this.zones = zones;
        this.drawing = drawing;
        this.filters = filters;
    }

    @GetMapping("/api/v1/zones")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "List zones, optionally of one city")
    List<Views.ZoneView> list(@RequestParam(required = false) String city,
                              @RequestParam(defaultValue = "false") boolean retired) {
        var visibility = Visibility.ofCaller();
        return zones.list(filters.city(city), retired).stream()
            .filter(z -> visibility.covers(z.cityCode(), z.code()))
            .map(Views.ZoneView::of).toList();
    }

    @GetMapping("/api/v1/zones/{id}")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "One zone")
    Views.ZoneView get(@PathVariable long id) {
        return Views.ZoneView.of(drawing.visible(id, Visibility.ofCaller()));
    }

    @PostMapping("/api/v1/zones")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Draw a zone in a city (code unique within the city)")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Views.ZoneView> create(@RequestBody DrawingZones.ZoneInput input) {
        var visibility = Visibility.ofCaller();
        long id = drawing.draw(input, visibility);
        return ResponseEntity.created(URI.create("/api/v1/zones/" + id)).body(Views.ZoneView.of(drawing.visible(id, visibility)));
    }

    @PutMapping("/api/v1/zones/{id}")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Rename a zone or move its centre (its city and code stay)")
    Views.ZoneView update(@PathVariable long id, @RequestBody DrawingZones.ZoneInput input) {
        var visibility = Visibility.ofCaller();
        drawing.change(id, input, visibility);
        return Views.ZoneView.of(drawing.visible(id, visibility));
    }

    @PostMapping("/api/v1/zones/{id}/retire")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Retire a zone (sites already in it keep it; new sites cannot use it)")
    Views.ZoneView retire(@PathVariable long id, @Valid @RequestBody Retirement retirement) {
        var visibility = Visibility.ofCaller();
        drawing.retire(id, retirement.reason().strip(), visibility);
        return Views.ZoneView.of(drawing.visible(id, visibility));
    }
}

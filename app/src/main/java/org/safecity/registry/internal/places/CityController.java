package org.safecity.registry.internal.places;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.safecity.registry.internal.Access;
import org.safecity.registry.internal.Views;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cities of the rollout and their codes, the city part of every jurisdiction. */
@RestController
@Tag(name = "Cities", description = "Cities of the province that SafeCity serves")
class CityController {

    private final CityStore cities;

    CityController(CityStore cities) {
        this.cities = cities;
    }

    @GetMapping("/api/v1/cities")
    @PreAuthorize(Access.READ_NETWORK)
    @Operation(summary = "The cities with their three-letter codes, district headquarters and map centres")
    List<Views.CityView> list() {
        return cities.all().stream().map(Views.CityView::of).toList();
    }
}

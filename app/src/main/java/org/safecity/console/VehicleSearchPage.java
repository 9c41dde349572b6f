package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a vehicle went: its plate's sightings as a route on the map, searched with a stated purpose. */
@Controller
class VehicleSearchPage {

    private final MapSettings settings;

    VehicleSearchPage(MapSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/vehicles")
    @PreAuthorize("hasAnyRole('ADMIN','INVESTIGATOR','SUPERVISOR','OPERATOR')")
    String vehicles(Model model) {
        model.addAttribute("map", settings);
        return "vehicles";
    }
}

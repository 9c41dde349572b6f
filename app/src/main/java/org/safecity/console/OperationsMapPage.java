package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operations map: cities, sites and cameras by status; the browser reads them from the registry's API. */
@Controller
class OperationsMapPage {

    private final MapSettings settings;

    OperationsMapPage(MapSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/map")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','PARTNER')")
    String map(Model model) {
        model.addAttribute("map", settings);
        return "map";
    }
}

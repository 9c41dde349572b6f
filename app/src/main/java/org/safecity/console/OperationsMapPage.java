package org.safecity.console;

import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The operations map: cities, sites and cameras by status, and the live layers (units, alerts,
 * incidents, partners' premises); the browser reads them from the modules' APIs.
 */
@Controller
class OperationsMapPage {

    static final String PREMISES_MAP = "/api/v1/premises/map";
    static final Set<String> LIVE_LAYER_ROLES = Set.of("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_DISPATCHER", "ROLE_SUPERVISOR");

    private final MapSettings settings;
    private final boolean premises;

    OperationsMapPage(MapSettings settings, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.settings = settings;
        // the premises layer comes from the partners module where it is built in; asked of a server without it, the
        // browser would log a 404 on every map
        this.premises = mappings.getHandlerMethods().keySet().stream()
            .anyMatch(info -> info.getPatternValues().contains(PREMISES_MAP));
    }

    @GetMapping("/map")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','PARTNER')")
    String map(Model model, Authentication signedIn) {
        model.addAttribute("map", settings);
        model.addAttribute("premisesLayer", premises);
        // units, alerts and incidents are the control room's: a partner's or investigator's map would only be refused them
        model.addAttribute("liveLayers", signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(LIVE_LAYER_ROLES::contains));
        return "map";
    }
}

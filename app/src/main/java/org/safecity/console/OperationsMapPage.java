package org.safecity.console;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operations map: cities, sites and cameras by status, and the live layers (units, alerts,
 * incidents, partners' premises); the browser reads them from the modules' APIs.
 */
@Controller
class OperationsMapPage {

    static final Set<String> LIVE_LAYER_ROLES = Set.of("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_DISPATCHER", "ROLE_SUPERVISOR");
    /** The roles {@code GET /api/v1/premises/map} admits: a traffic reviewer's map would only be refused the premises. */
    static final Set<String> PREMISES_LAYER_ROLES = Set.of("ROLE_ADMIN", "ROLE_COMPLIANCE_OFFICER", "ROLE_SUPERVISOR", "ROLE_OPERATOR",
        "ROLE_DISPATCHER", "ROLE_INVESTIGATOR", "ROLE_PARTNER");

    private final MapSettings settings;

    OperationsMapPage(MapSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/map")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','PARTNER')")
    String map(Model model, Authentication signedIn) {
        model.addAttribute("map", settings);
        // units, alerts and incidents are the control room's: a partner's or investigator's map would only be refused them
        model.addAttribute("liveLayers", holdsAny(signedIn, LIVE_LAYER_ROLES));
        model.addAttribute("premisesLayer", holdsAny(signedIn, PREMISES_LAYER_ROLES));
        return "map";
    }

    private static boolean holdsAny(Authentication signedIn, Set<String> roles) {
        return signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(roles::contains);
    }
}

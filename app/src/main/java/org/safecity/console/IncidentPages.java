package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Command and Control Center's emergency pages: the incident board, an incident, the
 * call-taker's form and the response figures. The browser reads and changes everything through
 * the emergency API, so these pages hold no rules of their own.
 */
@Controller
class IncidentPages {

    private final MapSettings map;

    IncidentPages(MapSettings map) {
        this.map = map;
    }

    @GetMapping("/incidents")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR')")
    String board(Model model) {
        model.addAttribute("map", map);
        return "incidents";
    }

    @GetMapping("/incidents/new")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR')")
    String callTaker(Model model) {
        model.addAttribute("map", map);
        return "incident-new";
    }

    @GetMapping("/incidents/{id:\\d+}")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR')")
    String incident(@PathVariable long id, Model model) {
        model.addAttribute("incidentId", id);
        model.addAttribute("map", map);
        return "incident";
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('ADMIN','DISPATCHER','SUPERVISOR')")
    String figures() {
        return "figures";
    }
}

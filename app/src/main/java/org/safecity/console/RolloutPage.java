package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The rollout dashboard: each phase's progress, budget and deadline, read from the registry's API. */
@Controller
class RolloutPage {

    @GetMapping("/rollout")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER')")
    String rollout() {
        return "rollout";
    }
}

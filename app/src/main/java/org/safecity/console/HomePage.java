package org.safecity.console;

import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's front door: the operations map for those who may see it, otherwise a page that
 * says what the person's roles do allow (an auditor reads the audit trail, not the map).
 */
@Controller
class HomePage {

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        Actor actor = CurrentActor.get();
        return Section.MAP.openTo(actor.roles()) ? "redirect:/map" : "redirect:/access";
    }

    @GetMapping("/access")
    @PreAuthorize("isAuthenticated()")
    String access(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("auditor", actor.has(Role.AUDITOR));
        model.addAttribute("fieldUnit", actor.has(Role.FIELD_UNIT));
        return "access";
    }
}

package org.safecity.console;

import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Keeping the watchlists: the lists of one's jurisdiction, their entries, a plate or person added or
 * taken off, a register's CSV file imported with its row report. The page's script works through the
 * watchlists API, which enforces who may keep which list.
 */
@Controller
class WatchlistPages {

    @GetMapping("/watchlists")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    String watchlists(Model model) {
        var actor = CurrentActor.get();
        // investigators add and remove entries; making a list is for supervisors and administrators (as the API says)
        model.addAttribute("makesLists", actor.has(Role.ADMIN) || actor.has(Role.SUPERVISOR));
        return "watchlists";
    }
}

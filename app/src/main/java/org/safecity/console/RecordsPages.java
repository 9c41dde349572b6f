package org.safecity.console;

import java.util.EnumSet;
import java.util.Set;
import org.safecity.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The records search and the person and vehicle profiles; the pages read the records API, which decides what each role sees. */
@Controller
class RecordsPages {

    /** Who may search: the same roles the search API admits, so the header's box is never a locked door. */
    static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.INVESTIGATOR, Role.OPERATOR, Role.DISPATCHER,
        Role.TRAFFIC_REVIEWER);

    @GetMapping("/search")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR','DISPATCHER','TRAFFIC_REVIEWER')")
    String search() {
        return "search";
    }

    @GetMapping("/records/persons/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR','DISPATCHER','TRAFFIC_REVIEWER')")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("kind", "person");
        model.addAttribute("key", Long.toString(id));
        return "records-profile";
    }

    @GetMapping("/records/vehicles/{plate}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR','DISPATCHER','TRAFFIC_REVIEWER')")
    String vehicle(@PathVariable String plate, Model model) {
        model.addAttribute("kind", "vehicle");
        model.addAttribute("key", plate);
        return "records-profile";
    }
}

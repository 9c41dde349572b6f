package org.safecity.console;

import java.util.EnumSet;
import java.util.Set;
import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The records search, the person and vehicle profiles (with the link view and the extract into a case),
 * and the proposed links; the pages read the records API, which decides what each role sees.
 */
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
        return profile(model);
    }

    /** The analyst's view of links weak keys propose: confirm or reject each, with a reason; the linking API's roles. */
    @GetMapping("/records/links")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    String links() {
        return "records-links";
    }

    /** Which actions the profile offers: the API decides again, these only spare a button that would be refused. */
    private static String profile(Model model) {
        var roles = CurrentActor.find().map(Actor::roles).orElse(Set.of());
        model.addAttribute("canExtract", roles.contains(Role.INVESTIGATOR) || roles.contains(Role.SUPERVISOR));
        model.addAttribute("canLink", roles.contains(Role.ADMIN) || roles.contains(Role.SUPERVISOR) || roles.contains(Role.INVESTIGATOR));
        return "records-profile";
    }

    @GetMapping("/records/vehicles/{plate}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR','DISPATCHER','TRAFFIC_REVIEWER')")
    String vehicle(@PathVariable String plate, Model model) {
        model.addAttribute("kind", "vehicle");
        model.addAttribute("key", plate);
        return profile(model);
    }
}

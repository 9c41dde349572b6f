package org.safecity.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the frame around every console page needs: who is signed in, where they may go, where they are. */
@ControllerAdvice(basePackageClasses = ConsoleShell.class)
class ConsoleShell {

    /** The signed-in person as the header shows them; roles as words, not constants. */
    record Viewer(String name, List<String> roles, String jurisdiction) {
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return CurrentActor.find()
            .map(actor -> new Viewer(actor.name(), actor.roles().stream().sorted().map(ConsoleShell::words).toList(),
                actor.jurisdiction().isProvince() ? "Khyber Pakhtunkhwa" : actor.jurisdiction().toString()))
            .orElse(null);
    }

    @ModelAttribute("sections")
    List<Section> sections() {
        Set<Role> held = CurrentActor.find().map(Actor::roles).orElse(Set.of());
        return Arrays.stream(Section.values()).filter(section -> section.openTo(held)).toList();
    }

    /** Whether the header carries the records search box. */
    @ModelAttribute("searchable")
    boolean searchable() {
        return CurrentActor.find().map(actor -> actor.roles().stream().anyMatch(RecordsPages.READERS::contains)).orElse(false);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    static String words(Role role) {
        String text = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

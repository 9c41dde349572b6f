package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The live alert feed of the Command and Control Center; the browser reads and acts through the alerts API. */
@Controller
class AlertFeedPage {

    @GetMapping("/alerts")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    String alerts() {
        return "alerts";
    }
}

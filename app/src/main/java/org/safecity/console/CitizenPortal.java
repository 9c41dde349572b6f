package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The citizen portal: public pages, no account, outside the console's frame. A citizen finds
 * their challans by plate and CNIC, and anyone holding a notice checks that it is genuine. The
 * pages' scripts call the public traffic API, which is rate-limited and reveals nothing about
 * anyone else.
 */
@Controller
class CitizenPortal {

    @GetMapping("/portal/challans")
    @PreAuthorize("permitAll()")
    String challans() {
        return "portal/challans";
    }

    /** The page a notice's QR code opens; the number and signature stay in the query for the script. */
    @GetMapping("/portal/verify")
    @PreAuthorize("permitAll()")
    String verify() {
        return "portal/verify";
    }

    /** A commercial premises applies to register its surveillance under the Act; the page's script calls the public partners API. */
    @GetMapping("/portal/premises/apply")
    @PreAuthorize("permitAll()")
    String applyForPremises() {
        return "portal/premises-apply";
    }
}

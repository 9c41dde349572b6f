package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administration pages: accounts, device keys, and response units with their crews. Each is a
 * page over the owning module's API (identity, registry, emergency); the rules stay there.
 */
@Controller
class AdminPages {

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasAnyRole('ADMIN')")
    String accounts() {
        return "admin/accounts";
    }

    @GetMapping("/admin/devices")
    @PreAuthorize("hasAnyRole('ADMIN')")
    String devices() {
        return "admin/devices";
    }

    @GetMapping("/admin/units")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    String units() {
        return "admin/units";
    }
}

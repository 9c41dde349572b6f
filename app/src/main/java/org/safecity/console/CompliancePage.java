package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The compliance dashboard of commercial premises under the Act, and the inspector's visit page, both on the partners API. */
@Controller
class CompliancePage {

    @GetMapping("/compliance")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE_OFFICER','SUPERVISOR')")
    String compliance() {
        return "compliance";
    }

    /** Phone-sized: an inspector at a premises ticks its category's checklist, writes findings and the outcome. */
    @GetMapping("/compliance/inspect")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE_OFFICER')")
    String inspect() {
        return "inspect";
    }
}

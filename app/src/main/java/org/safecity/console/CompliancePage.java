package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The compliance dashboard of commercial premises under the Act, read from the partners API. */
@Controller
class CompliancePage {

    @GetMapping("/compliance")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE_OFFICER','SUPERVISOR')")
    String compliance() {
        return "compliance";
    }
}

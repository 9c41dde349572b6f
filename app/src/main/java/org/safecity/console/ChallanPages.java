package org.safecity.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The e-challan pages: the review queue, challan search and a challan's history, contests and
 * the traffic reports. The browser reads and changes everything through the traffic API, which
 * applies the rules and the jurisdiction, so these pages only choose the template.
 */
@Controller
class ChallanPages {

    @GetMapping("/challans/review")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    String review() {
        return "challans/review";
    }

    @GetMapping("/challans")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN','INVESTIGATOR')")
    String search() {
        return "challans/search";
    }

    /** A challan number such as {@code PSH-2026-000123}; the fixed paths beside it ({@code review}, ...) are matched first. */
    @GetMapping("/challans/{number}")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN','INVESTIGATOR')")
    String challan(@PathVariable String number, Model model) {
        model.addAttribute("number", number.toUpperCase(java.util.Locale.ROOT));
        return "challans/challan";
    }

    @GetMapping("/challans/contests")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    String contests() {
        return "challans/contests";
    }

    @GetMapping("/challans/reports")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','TRAFFIC_REVIEWER')")
    String reports() {
        return "challans/reports";
    }
}

package org.safecity.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.UUID;
import org.safecity.evidence.CaseRecords;
import org.safecity.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evidence pages: the case list, a case (its items, upload and export), an item's custody
 * history. Read through the evidence module's {@link CaseRecords}; changes go from the page's
 * script to the evidence API, which applies the same rules. A case the person is not on is "not found".
 */
@Controller
class EvidencePages {

    private final CaseRecords records;

    EvidencePages(CaseRecords records) {
        this.records = records;
    }

    /** Formats times for the templates as every console page does ({@code ShownTime}). */
    public static final class Times {
        public String of(Instant instant) {
            return org.safecity.shared.ShownTime.of(instant);
        }

        public String size(long bytes) {
            if (bytes >= 1L << 30) return String.format("%.2f GB", bytes / (double) (1L << 30));
            if (bytes >= 1L << 20) return String.format("%.1f MB", bytes / (double) (1L << 20));
            if (bytes >= 1L << 10) return String.format("%.1f KB", bytes / 1024.0);
            return bytes + " bytes";
        }

        public String words(String constant) {
            String text = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace("cctv", "CCTV");
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    @GetMapping("/evidence")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    String cases(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("cases", records.visibleCases(Math.max(0, page)));
        model.addAttribute("times", new Times());
        return "evidence/cases";
    }

    @GetMapping("/evidence/cases/{id}")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    String caseFile(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("detail", records.caseFile(id));
        } catch (NotFound e) {
            return notFound(model, response, "case");
        }
        model.addAttribute("kinds", records.kinds());
        model.addAttribute("statuses", records.statuses());
        model.addAttribute("times", new Times());
        return "evidence/case";
    }

    @GetMapping("/evidence/items/{id}")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    String item(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("history", records.itemHistory(id));
        } catch (NotFound e) {
            return notFound(model, response, "item");
        }
        model.addAttribute("times", new Times());
        return "evidence/item";
    }

    private static String notFound(Model model, HttpServletResponse response, String what) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("what", what);
        return "evidence/not-found";
    }
}

package org.safecity.emergency.internal.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Response figures (KPIs) and the list of missed targets, for supervisors and the board. */
@RestController
@RequestMapping("/api/v1/emergency")
@Tag(name = "Response figures", description = "Response times against the targets, and recent breaches")
class FiguresController {

    private final MeasuringResponses measuring;
    private final BreachStore breaches;
    private final Clock clock;

    FiguresController(MeasuringResponses measuring, BreachStore breaches, Clock clock) {
        this.measuring = measuring;
        this.breaches = breaches;
        this.clock = clock;
    }

    /**
     * Figures for the incidents opened on the days {@code from} to {@code to} (inclusive, Pakistan
     * time; default the last 7 days), in the caller's jurisdiction, optionally one city or zone.
     */
    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','DISPATCHER')")
    @Operation(operationId = "responseFigures", summary = "KPIs per city, zone and day: incidents by type and priority, median and 90th percentile times, breaches")
    MeasuringResponses.Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String city, @RequestParam(required = false) String zone) {
        return measuring.figures(day(from, "from"), day(to, "to"), blankToNull(city), blankToNull(zone), CurrentActor.jurisdiction());
    }

    @GetMapping("/breaches")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','DISPATCHER','OPERATOR')")
    @Operation(operationId = "responseBreaches", summary = "Response targets missed in the last 24 hours, newest first")
    List<Breach> recentBreaches() {
        return breaches.recent(CurrentActor.jurisdiction(), clock.instant().minus(java.time.Duration.ofHours(24)));
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date such as 2026-11-25");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.safecity.emergency.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Response figures (KPIs) and the list of missed targets, for supervisors and the board. */
@RestController
@RequestMapping("/api/v1/emergency")
@Tag(name = "Response figures")
class FiguresController {

    private final JdbcClient jdbc;
    private final BreachStore breaches;
    private final Clock clock;

    FiguresController(JdbcClient jdbc, BreachStore breaches, Clock clock) {
        this.jdbc = jdbc;
        this.breaches = breaches;
        this.clock = clock;
    }

    record Figures(LocalDate from, LocalDate to, List<ResponseFigures.Group> groups, ResponseFigures.Group total) {
    }

    /**
     * Figures for the incidents opened on the days {@code from} to {@code to} (inclusive, Pakistan
     * time; default the last 7 days), in the caller's jurisdiction, optionally one city or zone.
     * Incidents merged into another count once, as the one they were merged into.
     */
    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','DISPATCHER')")
    @Transactional(readOnly = true)
    @Operation(summary = "KPIs per city, zone and day: incidents by type and priority, median and 90th percentile times, breaches")
    Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String city, @RequestParam(required = false) String zone) {
        LocalDate today = clock.instant().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        LocalDate last = day(to, "to", today);
        LocalDate first = day(from, "from", last.minusDays(6));
        if (first.isAfter(last)) {
            throw new InvalidInput("from", "must not be after to");
        }
        if (first.plusDays(366).isBefore(last)) {
            throw new InvalidInput("from", "the range can be at most a year");
        }
        Jurisdiction scope = CurrentActor.jurisdiction();
        if (city != null && !city.isBlank() && !scope.coversCity(city)) {
            throw new InvalidInput("city", "is outside your jurisdiction (" + scope + ")");
        }
        Instant start = first.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        var rows = jdbc.sql("""
                select i.id, i.type, i.priority, i.city_code, i.zone_code, i.opened_at, i.dispatched_at, i.arrived_at,
                       (select count(*) from emergency.target_breach b where b.incident_id = i.id and b.measure = 'CALL_TO_DISPATCH'),
                       (select count(*) from emergency.target_breach b where b.incident_id = i.id and b.measure = 'DISPATCH_TO_ARRIVAL')
                from emergency.incident i
                where i.opened_at >= :start and i.opened_at < :end and i.merged_into is null and
                """ + IncidentStore.IN_JURISDICTION + """
                  and (cast(:onlyCity as text) is null or i.city_code = :onlyCity)
                  and (cast(:onlyZone as text) is null or i.zone_code = :onlyZone)""")
            .param("start", java.sql.Timestamp.from(start)).param("end", java.sql.Timestamp.from(end))
            .param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .param("onlyCity", blankToNull(city)).param("onlyZone", blankToNull(zone))
            .query((rs, n) -> new ResponseFigures.Row(rs.getLong(1), rs.getString(2), Priority.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), IncidentStore.instant(rs, 6), IncidentStore.instant(rs, 7),
                IncidentStore.instant(rs, 8), rs.getInt(9), rs.getInt(10)))
            .list();
        return new Figures(first, last, ResponseFigures.byCityZoneDay(rows, TimeConfiguration.DISPLAY_ZONE),
            ResponseFigures.summarise(blankToNull(city) != null ? city : scope.cityCode(), blankToNull(zone), null, rows));
    }

    @GetMapping("/breaches")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','DISPATCHER','OPERATOR')")
    @Operation(summary = "Response targets missed in the last 24 hours, newest first")
    List<Breach> recentBreaches() {
        return breaches.recent(CurrentActor.jurisdiction(), clock.instant().minus(java.time.Duration.ofHours(24)));
    }

    private static LocalDate day(String text, String field, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
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

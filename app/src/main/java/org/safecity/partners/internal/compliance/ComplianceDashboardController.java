package org.safecity.partners.internal.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.CsvTable;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TimeConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The compliance dashboard: premises counted by status by city, category and police station, and week by week. */
@RestController
@Tag(name = "Premises", description = "Commercial premises under the Safe Cities Authority Act: register, compliance, map")
class ComplianceDashboardController {

    private final PremisesStore premises;
    private final Clock clock;

    ComplianceDashboardController(PremisesStore premises, Clock clock) {
        this.premises = premises;
        this.clock = clock;
    }

    @GetMapping("/api/v1/premises/compliance")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "Premises counted by compliance status, by city, by category and by police station, within your jurisdiction")
    Map<String, Object> dashboard() {
        var scope = Access.scope();
        var body = new LinkedHashMap<String, Object>();
        var total = new EnumMap<Compliance.Status, Long>(Compliance.Status.class);
        for (var status : Compliance.Status.values()) {
            total.put(status, 0L);
        }
        var breakdowns = premises.breakdowns(scope);
        var byCity = breakdowns.byCity();
        byCity.values().forEach(counts -> counts.forEach((s, n) -> total.merge(s, n, Long::sum)));
        body.put("total", total);
        body.put("byCity", rows("city", byCity));
        body.put("byCategory", rows("category", breakdowns.byCategory()));
        body.put("byPoliceStation", rows("zone", breakdowns.byZone()));
        return body;
    }

    @GetMapping("/api/v1/premises/compliance/trend")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "Premises counted by compliance status at the end of each of the last weeks, oldest first (for a chart)")
    List<Map<String, Object>> trend(@RequestParam(defaultValue = "12") int weeks) {
        if (weeks < 1 || weeks > 104) {
            throw new InvalidInput("weeks", "must be between 1 and 104");
        }
        Instant now = clock.instant();
        var counts = premises.trend(Access.scope(), weeks, now);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = weeks - 1; k >= 0; k--) {
            var row = new LinkedHashMap<String, Object>();
            row.put("weekEnding", LocalDate.ofInstant(now.minus(java.time.Duration.ofDays(7L * k)), TimeConfiguration.DISPLAY_ZONE));
            var byStatus = counts.getOrDefault(k, Map.of());
            for (var status : Compliance.Status.values()) {
                row.put(status.name(), byStatus.getOrDefault(status, 0L));
            }
            rows.add(row);
        }
        return rows;
    }

    @GetMapping("/api/v1/premises/compliance/export")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "One of the dashboard's tables as CSV: table=city, category, police-station or trend")
    ResponseEntity<String> exportDashboard(@RequestParam String table) {
        List<Map<String, Object>> rows = switch (table) {
            case "city" -> castRows(dashboard().get("byCity"));
            case "category" -> castRows(dashboard().get("byCategory"));
            case "police-station" -> castRows(dashboard().get("byPoliceStation"));
            case "trend" -> trend(12);
            default -> throw new InvalidInput("table", "must be city, category, police-station or trend");
        };
        if (rows.isEmpty()) {
            return new CsvTable(List.of(table)).download("premises-" + table + ".csv");
        }
        var csv = new CsvTable(List.copyOf(rows.getFirst().keySet()));
        rows.forEach(r -> csv.row(List.copyOf(r.values())));
        return csv.download("premises-" + table + ".csv");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castRows(Object rows) {
        return (List<Map<String, Object>>) rows;
    }

    private static List<Map<String, Object>> rows(String key, Map<String, Map<Compliance.Status, Long>> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((name, byStatus) -> {
            var row = new LinkedHashMap<String, Object>();
            row.put(key, name.isEmpty() ? null : name);
            long all = 0;
            for (var status : Compliance.Status.values()) {
                long n = byStatus.getOrDefault(status, 0L);
                row.put(status.name(), n);
                all += n;
            }
            row.put("total", all);
            rows.add(row);
        });
        return rows;
    }
}

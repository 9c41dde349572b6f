package org.safecity.traffic.internal.challans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageRequest;
import org.safecity.shared.Plate;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.internal.TrafficReports;
import org.safecity.traffic.internal.TrafficViews;
import org.safecity.traffic.internal.notices.Notices;
import org.safecity.traffic.internal.notices.OutboxNotices;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Challans, their notices, contests, reports and the notification outbox, scoped to the caller's jurisdiction. */
@RestController
@Tag(name = "Challans", description = "Challan search and history, PDF notices, contests, reports, notification outbox")
class ChallanController {

    private final ChallanStore challans;
    private final ContestingChallans contesting;
    private final Notices notices;
    private final TrafficReports reports;
    private final OutboxNotices outbox;
    private final TrafficViews views;
    private final AuditTrail audit;

    ChallanController(ChallanStore challans, ContestingChallans contesting, Notices notices, TrafficReports reports, OutboxNotices outbox,
                      TrafficViews views, AuditTrail audit) {
        this.challans = challans;
        this.contesting = contesting;
        this.notices = notices;
        this.reports = reports;
        this.outbox = outbox;
        this.views = views;
        this.audit = audit;
    }

    record Decision(String reason) {
    }

    @GetMapping("/api/v1/challans")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN','INVESTIGATOR')")
    @Operation(summary = "Challans by plate, status, city and offence time (from inclusive, to exclusive), newest first")
    Map<String, Object> list(@RequestParam(required = false) String plate, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String city, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        String wanted = blank(status) ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null) {
            try {
                Challan.Status.valueOf(wanted);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "must be one of " + List.of(Challan.Status.values()));
            }
        }
        var filter = new ChallanStore.Filter(blank(plate) ? null : Plate.normalise(plate), wanted,
            blank(city) ? null : city.strip().toUpperCase(Locale.ROOT), time("from", from), time("to", to));
        var found = challans.list(CurrentActor.jurisdiction(), filter, PageRequest.of(page, size));
        if (!found.items().isEmpty()) {
            audit.record("traffic.owners-read", "challan", found.items().size() == 1 ? found.items().getFirst().number() : "list", null,
                Map.of("count", found.items().size()));
        }
        return Map.of("items", found.items().stream().map(views::challan).toList(), "total", found.total(), "page", found.page(),
            "size", found.size());
    }

    @GetMapping("/api/v1/challans/{number}")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN','INVESTIGATOR')")
    @Operation(operationId = "challanGet", summary = "One challan with its contest, payments and history")
    TrafficViews.ChallanDetail one(@PathVariable String number) {
        var challan = visible(number);
        audit.record("traffic.owners-read", "challan", number);
        return views.detail(challan);
    }

    @GetMapping(path = "/api/v1/challans/{number}/notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN','INVESTIGATOR')")
    @Operation(summary = "The PDF notice of the challan, with evidence photos and the verification QR code")
    ResponseEntity<byte[]> notice(@PathVariable String number) throws IOException {
        var challan = visible(number);
        audit.record("traffic.notice-read", "challan", number);
        return Notices.pdf(challan.number(), notices.pdf(challan));
    }

    @GetMapping("/api/v1/contests")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Contests of the caller's jurisdiction by status (OPEN, UPHELD, CANCELLED), oldest first")
    Map<String, Object> contests(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        String wanted = blank(status) ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !List.of("OPEN", "UPHELD", "CANCELLED").contains(wanted)) {
            throw new InvalidInput("status", "must be OPEN, UPHELD or CANCELLED");
        }
        var found = challans.contests(CurrentActor.jurisdiction(), wanted, PageRequest.of(page, size));
        return Map.of("items", found.items().stream()
                .map(r -> TrafficViews.contest(r.contest(), r.plate(), r.offenceName(), r.violationId())).toList(),
            "total", found.total(), "page", found.page(), "size", found.size());
    }

    @PostMapping("/api/v1/contests/{id}/uphold")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Uphold the challan: it stands and is due again from today")
    TrafficViews.ContestView uphold(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return view(contesting.uphold(id, body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/contests/{id}/cancel")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Cancel the challan on the citizen's contest")
    TrafficViews.ContestView cancel(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return view(contesting.cancel(id, body == null ? null : body.reason()));
    }

    @GetMapping("/api/v1/traffic/reports")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','TRAFFIC_REVIEWER')")
    @Operation(summary = "Violations and challans by offence, site and day; collection; contest rate; reviewer throughput")
    TrafficReports.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String city) {
        Instant start = time("from", from);
        Instant end = time("to", to);
        Jurisdiction mine = CurrentActor.jurisdiction();
        String scope = mine.cityCode() != null ? mine.cityCode() : blank(city) ? null : city.strip().toUpperCase(Locale.ROOT);
        return reports.report(start == null ? Instant.parse("2000-01-01T00:00:00Z") : start, end == null ? Instant.parse("2100-01-01T00:00:00Z") : end,
            scope);
    }

    @GetMapping("/api/v1/traffic/outbox")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Operation(summary = "Notifications to owners (SMS, e-mail) with their delivery status, newest first")
    Map<String, Object> outbox(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var found = outbox.list(CurrentActor.jurisdiction().cityCode(), PageRequest.of(page, size));
        audit.record("traffic.outbox-read", "outbox", "page " + found.page(), null, Map.of("count", found.items().size()));
        return Map.of("items", found.items(), "total", found.total(), "page", found.page(), "size", found.size());
    }

    record Delivery(String status) {
    }

    @PostMapping("/api/v1/traffic/outbox/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Record a notification's delivery: {\"status\":\"SENT\"} or {\"status\":\"FAILED\"}")
    Map<String, Object> delivered(@PathVariable long id, @RequestBody(required = false) Delivery body) {
        String status = body == null || body.status() == null ? "" : body.status().strip().toUpperCase(Locale.ROOT);
        if (!List.of("SENT", "FAILED").contains(status)) {
            throw new InvalidInput("status", "must be SENT or FAILED");
        }
        Reach.record("notification", id, outbox.place(id).orElseThrow(() -> new NotFound("notification", id)));
        if (!outbox.delivered(id, status.equals("SENT"))) {
            throw new NotFound("notification", id);
        }
        audit.record("traffic.notification-" + status.toLowerCase(Locale.ROOT), "notification", Long.toString(id));
        return Map.of("id", id, "status", status);
    }

    private TrafficViews.ContestView view(ChallanStore.Contest k) {
        var c = challans.find(k.challanNumber()).orElseThrow();
        return TrafficViews.contest(k, c.plate(), c.offenceName(), c.violationId());
    }

    private Challan visible(String number) {
        Jurisdiction mine = CurrentActor.jurisdiction();
        return challans.find(number).filter(c -> mine.covers(c.place().cityCode(), c.place().zoneCode())).orElseThrow(() -> new NotFound("challan", number));
    }

    static Instant time(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a day (2026-11-25, Pakistan time) or a UTC time such as 2026-11-25T09:00:00Z");
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

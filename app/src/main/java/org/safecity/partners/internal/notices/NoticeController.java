package org.safecity.partners.internal.notices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.CsvTable;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageRequest;
import org.safecity.shared.TextPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices of non-compliance to premises, their letters, and the penalties the Authority imposes. A
 * premises' manager reads only its own notices; everyone else those of their jurisdiction.
 */
@RestController
@Tag(name = "Notices", description = "Notices of non-compliance to commercial premises: deadlines, escalation, letters, penalties")
class NoticeController {

    private final NoticeStore notices;
    private final IssuingNotices issuing;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    NoticeController(NoticeStore notices, IssuingNotices issuing, AuditTrail audit, Clock clock) {
        this.notices = notices;
        this.issuing = issuing;
        this.audit = audit;
        this.clock = clock;
    }

    record PenaltyView(long amountPkr, LocalDate rateFrom, boolean demonstration, String reason, Instant imposedAt, String imposedBy) {
    }

    record NoticeView(String number, long premisesId, String premisesName, String category, String cityCode, String zoneCode,
                      Instant issuedAt, Instant deadline, String status, boolean overdue, Instant escalatedAt, Instant closedAt,
                      JsonNode reasons, PenaltyView penalty) {
    }

    record PenaltyInput(String reason) {
    }

    @GetMapping("/api/v1/premises/compliance/notices")
    @PreAuthorize(Access.READ)
    @Operation(summary = "Notices of non-compliance, newest first, filtered by status or to those past their deadline; "
        + "a partner sees only its own")
    List<NoticeView> list(@RequestParam(required = false) @Parameter(description = "OPEN, ESCALATED or REMEDIED") String status,
                          @RequestParam(required = false) @Parameter(description = "only notices past their deadline and not remedied")
                          Boolean overdue,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = PageRequest.of(page, size);
        Instant now = clock.instant();
        return notices.list(Access.scope(), status(status), Boolean.TRUE.equals(overdue), now, request.size(), request.offset()).stream()
            .map(n -> view(n, now)).toList();
    }

    private static Notice.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Notice.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be OPEN, ESCALATED or REMEDIED");
        }
    }

    @GetMapping("/api/v1/premises/compliance/notices/export")
    @PreAuthorize(Access.READ)
    @Operation(summary = "The notices as CSV, newest first (at most 10,000), filtered as the list is; a partner gets only its own")
    ResponseEntity<String> export(@RequestParam(required = false) @Parameter(description = "OPEN, ESCALATED or REMEDIED") String status,
                                  @RequestParam(required = false) @Parameter(description = "only notices past their deadline and not remedied")
                                  Boolean overdue) {
        Instant now = clock.instant();
        var csv = new CsvTable(List.of("number", "premises", "category", "city", "police_station", "issued_at", "deadline", "status",
            "overdue", "penalty_pkr"));
        for (var n : notices.list(Access.scope(), status(status), Boolean.TRUE.equals(overdue), now, 10_000, 0)) {
            csv.row(java.util.Arrays.asList(n.number(), n.premisesName(), n.category(), n.cityCode(), n.zoneCode(), n.issuedAt(),
                n.deadline(), n.status(), n.overdue(now), n.penalty() == null ? null : n.penalty().amountPkr()));
        }
        return csv.download(Boolean.TRUE.equals(overdue) ? "overdue-notices.csv" : "notices.csv");
    }

    @GetMapping("/api/v1/premises/compliance/notices/{number}")
    @PreAuthorize(Access.READ)
    @Operation(summary = "One notice with its reasons, deadline, status and penalty")
    NoticeView read(@PathVariable String number) {
        return view(reach(number), clock.instant());
    }

    @GetMapping(path = "/api/v1/premises/compliance/notices/{number}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ)
    @Operation(summary = "The notice's letter (PDF, English and Urdu)")
    ResponseEntity<byte[]> letter(@PathVariable String number) throws IOException {
        var notice = reach(number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header("Content-Disposition", "inline; filename=\"notice-" + notice.number() + ".pdf\"")
            .header("Cache-Control", "no-store").body(NoticeLetter.pdf(notice, clock.instant()));
    }

    @PostMapping("/api/v1/premises/compliance/notices/{number}/penalty")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Impose the penalty of the schedule in force on a notice past its deadline; sent again, answers the penalty imposed")
    @ApiResponse(responseCode = "201", description = "the penalty imposed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "the notice already carried a penalty; nothing changed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "the notice was remedied, is within its deadline, or its category has no rate")
    ResponseEntity<NoticeView> penalty(@PathVariable String number, @RequestBody(required = false) PenaltyInput input) {
        String reason = input == null ? null : input.reason();
        TextPolicy.purposeRefusal(reason).ifPresent(refusal -> {
            throw new InvalidInput("reason", refusal);
        });
        var notice = reach(number);
        var imposed = issuing.impose(notice, reason.strip(), CurrentActor.name());
        return ResponseEntity.status(imposed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(imposed.notice(), clock.instant()));
    }

    @GetMapping("/api/v1/premises/compliance/penalty-schedule")
    @PreAuthorize(Access.READ)
    @Operation(summary = "The penalty schedule: each category's amount from a day on (demonstration values are marked)")
    List<NoticeStore.Rate> schedule() {
        return notices.rates();
    }

    /** The notice if the caller reaches its premises; anything else does not exist for the caller. */
    private Notice reach(String number) {
        var notice = notices.find(number).orElseThrow(() -> new NotFound("notice", number));
        var scope = Access.scope();
        if (scope.premisesId() != null && scope.premisesId() != notice.premisesId()) {
            throw new NotFound("notice", number);
        }
        Reach.record("notice", number, new Jurisdiction(notice.cityCode(), notice.zoneCode()));
        return notice;
    }

    private NoticeView view(Notice n, Instant now) {
        var p = n.penalty();
        return new NoticeView(n.number(), n.premisesId(), n.premisesName(), n.category(), n.cityCode(), n.zoneCode(), n.issuedAt(),
            n.deadline(), n.status().name(), n.overdue(now), n.escalatedAt(), n.closedAt(), json.readTree(n.reasonsJson()),
            p == null ? null : new PenaltyView(p.amountPkr(), p.rateFrom(), p.demonstration(), p.reason(), p.imposedAt(), p.imposedBy()));
    }
}

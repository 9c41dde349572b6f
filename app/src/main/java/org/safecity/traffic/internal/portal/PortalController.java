package org.safecity.traffic.internal.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Writes;
import org.safecity.shared.Cnic;
import org.safecity.shared.NotFound;
import org.safecity.shared.Plate;
import org.safecity.traffic.internal.TrafficKeys;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.TrafficViews;
import org.safecity.traffic.internal.challans.Challan;
import org.safecity.traffic.internal.challans.ChallanStore;
import org.safecity.traffic.internal.challans.ContestingChallans;
import org.safecity.traffic.internal.notices.NoticeTexts;
import org.safecity.traffic.internal.notices.Notices;
import org.safecity.traffic.internal.violations.ViolationStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen portal's JSON, public and rate-limited per address. A lookup answers only when plate and
 * CNIC both match a challan's registered owner; any other pair answers exactly as a plate without challans.
 */
@RestController
@Tag(name = "Citizen portal", description = "Public: challans by plate and CNIC, evidence, notice, contest, notice verification")
class PortalController {

    private final ChallanStore challans;
    private final ViolationStore violations;
    private final ContestingChallans contesting;
    private final Notices notices;
    private final TrafficKeys keys;
    private final PortalThrottle throttle;
    private final TrafficSettings settings;
    private final TrafficViews views;
    private final AuditTrail audit;
    private final Clock clock;

    PortalController(ChallanStore challans, ViolationStore violations, ContestingChallans contesting, Notices notices, TrafficKeys keys,
                     PortalThrottle throttle, TrafficSettings settings, TrafficViews views, AuditTrail audit, Clock clock) {
        this.challans = challans;
        this.violations = violations;
        this.contesting = contesting;
        this.notices = notices;
        this.keys = keys;
        this.throttle = throttle;
        this.settings = settings;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** Too many portal requests from one address in the current minute. */
    static final class Throttled extends RuntimeException {
        final long retryAfter;

        Throttled(long retryAfter) {
            super(null, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    record ContestRequest(String plate, String cnic, String statement) {
    }

    record PublicContest(String status, String statement, String reason, Instant decidedAt) {
    }

    /** {@code offenceNameUrdu} is the offence in Urdu (the schedule's name where no translation exists). */
    record PublicChallan(String number, String offence, String offenceName, String offenceNameUrdu, Instant observedAt, String place,
                         long finePkr, long surchargePkr, long amountDuePkr, LocalDate dueDate, String status, String paymentReference,
                         String evidenceUrl, String noticeUrl, @JsonInclude(JsonInclude.Include.ALWAYS) PublicContest contest) {
    }

    @GetMapping("/api/public/challans")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Challans of a plate whose registered owner has this CNIC; any other pair answers an empty list")
    Map<String, List<PublicChallan>> lookup(@RequestParam(required = false) String plate, @RequestParam(required = false) String cnic,
                                            HttpServletRequest request) {
        throttle(request);
        var found = owned(plate, cnic);
        if (!found.isEmpty()) {
            audit.record("traffic.portal-lookup", "vehicle", found.getFirst().plate(), "citizen portal, plate and CNIC matched",
                Map.of("challans", found.size(), "address", request.getRemoteAddr()));
        }
        LocalDate today = views.today();
        Instant expires = clock.instant().plus(settings.linkValidity());
        return Map.of("items", found.stream().map(c -> {
            var contest = challans.latestContest(c.number())
                .map(k -> new PublicContest(k.status(), k.statement(), k.reason(), k.decidedAt())).orElse(null);
            String base = "/api/public/challans/" + URLEncoder.encode(c.number(), StandardCharsets.UTF_8);
            String evidence = violations.mainImage(c.violationId()).isPresent()
                ? base + "/evidence.jpg?t=" + keys.linkToken(c.number(), "evidence", expires) : null;
            return new PublicChallan(c.number(), c.offence(), c.offenceName(), NoticeTexts.URDU.offence(c.offence(), c.offenceName()),
                c.observedAt(), c.place().siteName(), c.finePkr(), c.surchargeOn(today, settings),
                c.amountDueOn(today, settings), c.dueDate(), c.status().name(), c.paymentReference(), evidence,
                base + "/notice.pdf?t=" + keys.linkToken(c.number(), "notice", expires), contest);
        }).toList());
    }

    @GetMapping(path = "/api/public/challans/{number}/evidence.jpg", produces = "image/*")  // the type the image was stored with
    @PreAuthorize("permitAll()")
    @Operation(summary = "The evidence photo, with the signed expiring token of a lookup")
    ResponseEntity<byte[]> evidence(@PathVariable String number, @RequestParam(required = false) String t, HttpServletRequest request) {
        throttle(request);
        if (!keys.linkValid(number, "evidence", t, clock.instant())) {
            throw new NotFound("challan", number);
        }
        var challan = challans.find(number).orElseThrow(() -> new NotFound("challan", number));
        var image = violations.mainImage(challan.violationId()).orElseThrow(() -> new NotFound("challan", number));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType())).header("Cache-Control", "no-store")
            .body(image.content());
    }

    @GetMapping(path = "/api/public/challans/{number}/notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("permitAll()")
    @Operation(summary = "The PDF notice, with the signed expiring token of a lookup")
    ResponseEntity<byte[]> notice(@PathVariable String number, @RequestParam(required = false) String t, HttpServletRequest request)
        throws IOException {
        throttle(request);
        if (!keys.linkValid(number, "notice", t, clock.instant())) {
            throw new NotFound("challan", number);
        }
        var challan = challans.find(number).orElseThrow(() -> new NotFound("challan", number));
        return Notices.pdf(number, notices.pdf(challan));
    }

    @PostMapping("/api/public/challans/{number}/contest")
    @PreAuthorize("permitAll()")
    @Writes(Writes.Scope.PUBLIC)
    @Operation(summary = "Contest a challan with a statement: plate and the owner's CNIC must match; one open contest per challan")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Map<String, Object>> contest(@PathVariable String number, @RequestBody(required = false) ContestRequest body,
                                                HttpServletRequest request) {
        throttle(request);
        String plate = body == null || body.plate() == null ? "" : Plate.normalise(body.plate());
        String cnic = body == null ? null : cnicDigits(body.cnic()).orElse(null);
        var contest = contesting.submit(number, plate, cnic, body == null ? null : body.statement());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("id", contest.id());
        answer.put("challanNumber", contest.challanNumber());
        answer.put("status", contest.status());
        answer.put("statement", contest.statement());
        answer.put("submittedAt", contest.submittedAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/api/public/notices/verify")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Whether a notice's QR signature is genuine; only {\"valid\":false} otherwise")
    Map<String, Object> verify(@RequestParam(required = false) String n, @RequestParam(required = false) String s,
                               HttpServletRequest request) {
        throttle(request);
        var challan = n == null ? Optional.<Challan>empty() : challans.find(n.strip());
        if (challan.isEmpty() || !notices.genuine(challan.get(), s == null ? null : s.strip())) {
            return Map.of("valid", false);
        }
        var c = challan.get();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("valid", true);
        answer.put("number", c.number());
        answer.put("plate", c.plate());
        answer.put("offence", c.offence());
        answer.put("offenceName", c.offenceName());
        answer.put("offenceNameUrdu", NoticeTexts.URDU.offence(c.offence(), c.offenceName()));
        answer.put("observedAt", c.observedAt());
        answer.put("amountDuePkr", c.amountDueOn(views.today(), settings));
        answer.put("status", c.status().name());
        return answer;
    }

    @ExceptionHandler(Throttled.class)
    ResponseEntity<ProblemDetail> throttled(Throttled e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests from this address; try again in " + e.retryAfter + " seconds.");
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header("Retry-After", Long.toString(e.retryAfter)).body(problem);
    }

    private List<Challan> owned(String plate, String cnic) {
        if (plate == null || cnic == null) {
            return List.of();
        }
        String normalised = Plate.normalise(plate);
        return cnicDigits(cnic).filter(x -> !normalised.isEmpty()).map(digits -> challans.ofOwner(normalised, digits)).orElse(List.of());
    }

    private static Optional<String> cnicDigits(String text) {
        try {
            return Optional.of(Cnic.of(text).digits());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void throttle(HttpServletRequest request) {
        if (!throttle.allow(request.getRemoteAddr())) {
            throw new Throttled(throttle.secondsToNextMinute());
        }
    }
}

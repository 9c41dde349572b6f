package org.safecity.emergency.internal.warnings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.internal.incidents.Points;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public warnings issued as OASIS CAP 1.2 XML. */
@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "Public warnings (CAP)", description = "Public warnings issued as OASIS CAP 1.2 messages")
class WarningController {

    private final IssuingWarnings issuing;

    WarningController(IssuingWarnings issuing) {
        this.issuing = issuing;
    }

    record CircleRequest(Double lat, Double lon, Double radiusKm) {
    }

    record WarningRequest(String kind, String status, String category, String event, String responseType, String urgency,
                          String severity, String certainty, String headline, String description, String instruction,
                          String areaDesc, List<Points> polygon, CircleRequest circle, Instant expires, String cityCode) {
    }

    record CancelRequest(String note) {
    }

    // Always CAP XML: the content type is set on the answer rather than negotiated.
    @PostMapping(produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Issue a public warning (road closure, curfew, flood): answers the CAP 1.2 message")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<String> issue(@RequestBody WarningRequest r) {
        // A warning without a city is the caller's city's, or the whole province's for a province-wide person.
        String city = r.cityCode() == null || r.cityCode().isBlank() ? CurrentActor.jurisdiction().cityCode() : r.cityCode().strip();
        Reach.place("cityCode", place(city));
        return issued(issuing.issue(warning(r, city)));
    }

    @PostMapping("/{identifier}/update")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change an issued warning: answers the CAP 1.2 Update message, which refers to every earlier message"
        + " of the warning; the warning keeps its city")
    ResponseEntity<String> update(@PathVariable String identifier, @RequestBody WarningRequest r) {
        String city = reached(identifier);
        if (r.cityCode() != null && !r.cityCode().isBlank() && !r.cityCode().strip().equals(city)) {
            throw new InvalidInput("cityCode", "cannot change: an update stays in the warning's city ("
                + (city == null ? "province" : city) + "); cancel it and issue a new warning");
        }
        return issued(issuing.update(identifier, warning(r, city)));
    }

    @PostMapping("/{identifier}/cancel")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Withdraw an issued warning: answers the CAP 1.2 Cancel message, with the note saying why")
    ResponseEntity<String> cancel(@PathVariable String identifier, @RequestBody(required = false) CancelRequest r) {
        reached(identifier);
        return issued(issuing.cancel(identifier, r == null ? null : r.note()));
    }

    /** The city of the warning, after checking it lies in the caller's jurisdiction (else: not found). */
    private String reached(String identifier) {
        var city = issuing.cityOf(identifier).orElseThrow(() -> new NotFound("warning", identifier)).orElse(null);
        Reach.record("warning", identifier, place(city));
        return city;
    }

    private static Jurisdiction place(String city) {
        return city == null ? Jurisdiction.PROVINCE : Jurisdiction.city(city);
    }

    private static IssuingWarnings.Warning warning(WarningRequest r, String city) {
        var polygon = r.polygon() == null ? null : r.polygon().stream().map(p -> Points.required(p, "polygon")).toList();
        var circle = r.circle() == null ? null : new IssuingWarnings.Circle(
            Points.required(new Points(r.circle().lat(), r.circle().lon()), "circle"),
            r.circle().radiusKm() == null ? 0 : r.circle().radiusKm());
        return new IssuingWarnings.Warning(r.kind(), r.status(), r.category(), r.event(), r.responseType(),
            r.urgency(), r.severity(), r.certainty(), r.headline(), r.description(), r.instruction(), r.areaDesc(), polygon,
            circle, r.expires(), city);
    }

    private static ResponseEntity<String> issued(IssuingWarnings.Issued issued) {
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_XML)
            .header("Location", "/api/v1/warnings/" + issued.identifier()).body(issued.xml());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','OPERATOR','DISPATCHER')")
    @Operation(summary = "Warnings issued, newest first")
    List<Map<String, Object>> list() {
        return issuing.recent();
    }

    @GetMapping(path = "/{identifier}", produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','OPERATOR','DISPATCHER')")
    @Operation(summary = "A warning's CAP 1.2 message exactly as issued")
    ResponseEntity<String> get(@PathVariable String identifier) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
            .body(issuing.find(identifier).orElseThrow(() -> new NotFound("warning", identifier)));
    }
}

package org.safecity.emergency.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
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

    // Always CAP XML: the content type is set on the answer rather than negotiated.
    @PostMapping(produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Issue a public warning (road closure, curfew, flood): answers the CAP 1.2 message")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<String> issue(@RequestBody WarningRequest r) {
        // A warning without a city is the caller's city's, or the whole province's for a province-wide person.
        String city = r.cityCode() == null || r.cityCode().isBlank() ? CurrentActor.jurisdiction().cityCode() : r.cityCode().strip();
        Reach.place("cityCode", city == null ? Jurisdiction.PROVINCE : Jurisdiction.city(city));
        var polygon = r.polygon() == null ? null : r.polygon().stream().map(p -> Points.required(p, "polygon")).toList();
        var circle = r.circle() == null ? null : new IssuingWarnings.Circle(
            Points.required(new Points(r.circle().lat(), r.circle().lon()), "circle"),
            r.circle().radiusKm() == null ? 0 : r.circle().radiusKm());
        var issued = issuing.issue(new IssuingWarnings.Warning(r.kind(), r.status(), r.category(), r.event(), r.responseType(),
            r.urgency(), r.severity(), r.certainty(), r.headline(), r.description(), r.instruction(), r.areaDesc(), polygon,
            circle, r.expires(), city));
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

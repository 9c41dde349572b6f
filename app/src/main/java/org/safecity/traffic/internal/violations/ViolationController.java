package org.safecity.traffic.internal.violations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageRequest;
import org.safecity.traffic.internal.TrafficViews;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review queue: violations of the caller's jurisdiction, their evidence, and the reviewer's decision. */
@RestController
@Tag(name = "Traffic review", description = "Violations awaiting review; approve (with plate correction) or reject")
class ViolationController {

    private final ViolationStore violations;
    private final ReviewingViolations reviewing;
    private final TrafficViews views;

    ViolationController(ViolationStore violations, ReviewingViolations reviewing, TrafficViews views) {
        this.violations = violations;
        this.reviewing = reviewing;
        this.views = views;
    }

    record Approval(String plate) {
    }

    record Rejection(String reason) {
    }

    @GetMapping("/api/v1/challans/review")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Violations of the caller's jurisdiction by review status (default PENDING), oldest first")
    Map<String, Object> queue(@RequestParam(required = false) String status, @RequestParam(required = false) String city,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        String wanted = status == null || status.isBlank() ? "PENDING" : status.strip().toUpperCase(Locale.ROOT);
        if (!List.of("PENDING", "APPROVED", "REJECTED").contains(wanted)) {
            throw new InvalidInput("status", "must be PENDING, APPROVED or REJECTED");
        }
        var found = violations.list(CurrentActor.jurisdiction(), wanted, city, PageRequest.of(page, size));
        return Map.of("items", found.items().stream().map(v -> views.violation(v, false)).toList(), "total", found.total(),
            "page", found.page(), "size", found.size());
    }

    @GetMapping("/api/v1/violations/{id}")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Operation(operationId = "violationGet", summary = "One violation with its review history")
    TrafficViews.ViolationView one(@PathVariable long id) {
        return views.violation(reviewing.visible(id), true);
    }

    @GetMapping(path = "/api/v1/violations/{id}/images/{name}", produces = "image/*")  // the type the image was stored with
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Operation(summary = "An evidence image of the violation (scene or plate crop)")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable String name) {
        reviewing.visible(id);
        var image = violations.image(id, name).orElseThrow(() -> new NotFound("image", name));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
            .header("Cache-Control", "private, max-age=3600").body(image.content());
    }

    @PostMapping("/api/v1/violations/{id}/approve")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Approve, optionally correcting the plate; the last required approval issues the challan")
    TrafficViews.ViolationView approve(@PathVariable long id, @RequestBody(required = false) Approval body) {
        return views.violation(reviewing.approve(id, body == null ? null : body.plate()), true);
    }

    @PostMapping("/api/v1/violations/{id}/reject")
    @PreAuthorize("hasAnyRole('TRAFFIC_REVIEWER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Reject with a reason: no challan")
    TrafficViews.ViolationView reject(@PathVariable long id, @RequestBody(required = false) Rejection body) {
        return views.violation(reviewing.reject(id, body == null ? null : body.reason()), true);
    }
}

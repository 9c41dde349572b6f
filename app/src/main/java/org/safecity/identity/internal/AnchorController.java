package org.safecity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.safecity.anchors.Anchor;
import org.safecity.anchors.Anchors;
import org.safecity.identity.Writes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anchoring on demand, and the newest anchors, for those who answer for the logs. Here rather than in
 * {@code anchors}: the logs it seals depend on that module, and who may ask is identity's to say.
 */
@RestController
@Tag(name = "Anchors", description = "Signed heads of the audit trail and custody log, kept outside the database")
class AnchorController {

    private final Anchors anchors;

    AnchorController(Anchors anchors) {
        this.anchors = anchors;
    }

    @PostMapping("/api/v1/anchors")
    @PreAuthorize("hasAnyRole('AUDITOR','SUPERVISOR')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(operationId = "anchorNow", summary = "Seal the audit trail and the custody log now and anchor their heads outside the database "
        + "(also done every safecity.anchors.interval); answers the newest anchor of each log")
    List<Anchor> anchorNow() {
        return anchors.anchorNow();
    }

    @GetMapping("/api/v1/anchors/{log}/check")
    @PreAuthorize("hasAnyRole('AUDITOR','SUPERVISOR')")
    @Operation(summary = "Compare one log (audit or custody) in the database with its newest anchor outside it")
    Anchors.AnchorCheck check(@PathVariable String log) {
        return anchors.check(log);
    }
}

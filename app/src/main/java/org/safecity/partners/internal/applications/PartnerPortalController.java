package org.safecity.partners.internal.applications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.identity.Writes;
import org.safecity.partners.internal.compliance.Compliance;
import org.safecity.partners.internal.compliance.Requirement;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.partners.internal.premises.PremisesInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner portal's public side: a premises' manager applies to register, without an account.
 * The answer says only the application's number and that it waits for the Authority.
 */
@RestController
@Tag(name = "Partner portal", description = "Public: a commercial premises applies to register under the Act (rate-limited)")
class PartnerPortalController {

    private final ApplyingForRegistration applying;
    private final Requirements requirements;

    PartnerPortalController(ApplyingForRegistration applying, Requirements requirements) {
        this.applying = applying;
        this.requirements = requirements;
    }

    @PostMapping("/api/public/premises/applications")
    @PreAuthorize("permitAll()")
    @Writes(Writes.Scope.PUBLIC)
    @Operation(summary = "Apply to register a premises; it is PENDING until the Authority approves it. Sending the same application "
        + "again answers the first (200); a licence already on the register is refused (409); a few applications per address and hour")
    ResponseEntity<Map<String, Object>> apply(@RequestBody PremisesInput input, HttpServletRequest request) {
        var applied = applying.apply(input, request.getRemoteAddr());
        var body = new LinkedHashMap<String, Object>();
        body.put("id", applied.premisesId());
        body.put("status", Compliance.Status.PENDING.name());
        body.put("message", "Your application " + applied.premisesId() + " is received. The Safe City Authority will review it and "
            + "contact the person you named.");
        return applied.created() ? ResponseEntity.created(URI.create("/api/public/premises/applications/" + applied.premisesId())).body(body)
            : ResponseEntity.ok(body);
    }

    /** The categories and what each requires today, for the portal's form; demonstration values as shipped. */
    @GetMapping("/api/public/premises/categories")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The categories of premises the Act names, with every version of what each requires")
    List<Requirement> categories() {
        return requirements.all();
    }

    @ExceptionHandler(ApplyingForRegistration.TooManyApplications.class)
    ResponseEntity<ProblemDetail> tooMany(ApplyingForRegistration.TooManyApplications e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many applications");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header("Retry-After", "3600").body(problem);
    }
}

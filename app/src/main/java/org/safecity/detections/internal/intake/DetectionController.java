package org.safecity.detections.internal.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Device ingest: cameras, edge boxes and NVRs post batches of what they saw. */
@RestController
@Tag(name = "Detections", description = "Device ingest of plate reads, objects, faces, analytics, signals and speeds")
class DetectionController {

    private final IntakingDetections intaking;
    private final DetectionSettings settings;

    DetectionController(IntakingDetections intaking, DetectionSettings settings) {
        this.intaking = intaking;
        this.settings = settings;
    }

    record Answer(int accepted, int duplicates, List<IntakeOutcome.Rejection> rejected) {
    }

    @PostMapping(path = "/api/v1/detections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEVICE')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Report 1 to 1000 detections; answered 202 once the valid ones are durably stored")
    @ResponseStatus(HttpStatus.ACCEPTED)  // for the API description; the answer sets it too
    @ApiResponse(responseCode = "503", description = "the intake is full: nothing of the batch is stored; resend it after Retry-After")
    ResponseEntity<Answer> report(@RequestBody JsonNode body) {
        if (!(CurrentActor.get() instanceof Actor.Machine device)) {
            throw new AccessDeniedException("only devices report detections");
        }
        var outcome = intaking.report(device, body);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
            .body(new Answer(outcome.accepted(), outcome.duplicates(), outcome.rejected()));
    }

    @ExceptionHandler(IntakeBusy.class)
    ResponseEntity<ProblemDetail> busy(IntakeBusy e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + " Nothing of this batch "
            + "is confirmed stored; resend it unchanged (repeats are recognised by eventId).");
        problem.setTitle("Busy");
        long seconds = Math.max(1, settings.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}

package org.safecity.alerts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.identity.Actor;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The alert feed of the Command and Control Center, scoped to the caller's jurisdiction. */
@RestController
@Tag(name = "Alerts", description = "Watchlist hits and analytics for operators: list, live feed, acknowledge, escalate, dismiss")
class AlertController {

    private final AlertStore store;
    private final HandlingAlerts handling;
    private final AlertStream stream;
    private final AuditTrail audit;
    private final Clock clock;
    private final AlertThumbnails thumbnails;

    AlertController(AlertStore store, HandlingAlerts handling, AlertStream stream, AuditTrail audit, Clock clock,
                    AlertThumbnails thumbnails) {
        this.thumbnails = thumbnails;
        this.store = store;
        this.handling = handling;
        this.stream = stream;
        this.audit = audit;
        this.clock = clock;
    }

    /** A face hit names a person: showing it is a read of personal data, recorded like any other. */
    private void auditPersons(List<Alert> shown) {
        var persons = shown.stream().filter(a -> a.subject().personName() != null).map(a -> Long.toString(a.id())).toList();
        if (!persons.isEmpty()) {
            audit.record("alerts.person-hits-read", "alert", String.join(",", persons), null, Map.of("count", persons.size()));
        }
    }

    record Dismissal(String reason) {
    }

    record AlertWithTimeline(Alert alert, List<Step> timeline) {
    }

    record Step(long seq, String kind, String actor, String note, Instant at) {
    }

    @GetMapping("/api/v1/alerts")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    @Operation(summary = "Alerts of the caller's jurisdiction, newest first; status is a comma-separated list, since an ISO time (default 24 h ago)")
    Map<String, List<Alert>> list(@RequestParam(required = false) String status, @RequestParam(required = false) String since,
                                  @RequestParam(required = false) Integer limit) {
        List<String> statuses = status == null || status.isBlank() ? List.of()
            : Arrays.stream(status.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        for (String s : statuses) {
            try {
                AlertStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "must be one of " + List.of(AlertStatus.values()));
            }
        }
        Instant from;
        try {
            from = since == null || since.isBlank() ? clock.instant().minus(Duration.ofDays(1)) : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("since", "must be a UTC time such as 2026-11-25T09:00:00Z");
        }
        int size = limit == null ? 200 : Math.max(1, Math.min(1000, limit));
        Actor actor = CurrentActor.get();
        var items = store.list(actor.jurisdiction(), statuses, from, size).stream().filter(a -> AlertStream.maySee(actor, a)).toList();
        auditPersons(items);
        return Map.of("items", items);
    }

    @GetMapping("/api/v1/alerts/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    @Operation(summary = "One alert with its timeline")
    AlertWithTimeline get(@PathVariable long id) {
        Actor actor = CurrentActor.get();
        var alert = store.find(id).filter(a -> AlertStream.maySee(actor, a)).orElseThrow(() -> new NotFound("alert", id));
        var timeline = store.timeline(id).stream().map(e -> new Step(e.seq(), e.kind(), e.actor(), e.note(), e.at())).toList();
        auditPersons(List.of(alert));
        return new AlertWithTimeline(alert, timeline);
    }

    @GetMapping(path = "/api/v1/alerts/{id}/thumbnail", produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    @Operation(summary = "The alert's picture (JPEG or PNG): the plate's crop, the scene its camera sent, or the camera's recorded "
        + "picture at the moment (header X-Thumbnail-Source: plate-crop, camera-image or camera-frame); 204 while there is none "
        + "(the recording writes the moment's video a few seconds after it)")
    @ApiResponse(responseCode = "200", description = "the picture")
    @ApiResponse(responseCode = "204", description = "no picture of the alert, or not yet")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        Actor actor = CurrentActor.get();
        var alert = store.find(id).filter(a -> AlertStream.maySee(actor, a)).orElseThrow(() -> new NotFound("alert", id));
        var picture = thumbnails.of(alert);
        if (picture.isEmpty()) {
            return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
        }
        var found = picture.get();
        // a plate or a person in a street scene is personal data: every picture shown is on the record
        audit.record("alerts.thumbnail-read", "alert", Long.toString(id), null, Map.of("source", found.source()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(found.mediaType()))
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate()).header("X-Thumbnail-Source", found.source())
            .body(found.bytes());
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Take the alert: it is assigned to the caller and stops counting towards escalation")
    Alert acknowledge(@PathVariable long id) {
        return handling.take(id, AlertLifecycle.Step.ACKNOWLEDGE, null);
    }

    @PostMapping("/api/v1/alerts/{id}/escalate")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Escalate to supervisors and emergency response")
    Alert escalate(@PathVariable long id) {
        return handling.take(id, AlertLifecycle.Step.ESCALATE, null);
    }

    @PostMapping("/api/v1/alerts/{id}/dismiss")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Dismiss with a reason (e.g. misread plate)")
    Alert dismiss(@PathVariable long id, @RequestBody Dismissal body) {
        return handling.take(id, AlertLifecycle.Step.DISMISS, body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/alerts/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Close an acknowledged or escalated alert once it is dealt with")
    Alert close(@PathVariable long id) {
        return handling.take(id, AlertLifecycle.Step.CLOSE, null);
    }

    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    @Operation(summary = "Server-Sent Events: every alert step of the caller's jurisdiction as it happens; "
        + "reconnect with Last-Event-ID to receive what was missed")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws IOException {
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("Last-Event-ID", "must be the id of an event this feed sent");
            }
        }
        return stream.subscribe(CurrentActor.get(), after);
    }

}

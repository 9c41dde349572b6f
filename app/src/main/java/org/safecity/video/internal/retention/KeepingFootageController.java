package org.safecity.video.internal.retention;

import static org.safecity.video.internal.CamerasInReach.instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
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
import org.safecity.video.internal.CamerasInReach;
import org.safecity.video.internal.VideoSettings;
import org.safecity.video.internal.recording.CameraSettingStore;
import org.safecity.video.internal.recording.RecordingStreams;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** How long footage is kept: whether a camera records at all, the retention rules, and the legal holds that outlast them. */
@RestController
@Tag(name = "Video", description = "Camera health, live HLS, recordings, playback, snapshots, clip export, holds and retention. "
    + "Live video with low delay is the WebSocket GET /api/v1/cameras/{id}/live.mp4 (fragmented MP4; same access as live.m3u8)")
class KeepingFootageController {

    private final RecordingStreams recording;
    private final HoldingFootage holding;
    private final HoldStore holds;
    private final ExpiringRecordings retention;
    private final RetentionRuleStore rules;
    private final CameraSettingStore cameraSettings;
    private final VideoSettings settings;
    private final CamerasInReach reach;
    private final AuditTrail audit;
    private final Clock clock;

    KeepingFootageController(RecordingStreams recording, HoldingFootage holding, HoldStore holds, ExpiringRecordings retention,
                             RetentionRuleStore rules, CameraSettingStore cameraSettings, VideoSettings settings, CamerasInReach reach,
                             AuditTrail audit, Clock clock) {
        this.recording = recording;
        this.holding = holding;
        this.holds = holds;
        this.retention = retention;
        this.rules = rules;
        this.cameraSettings = cameraSettings;
        this.settings = settings;
        this.reach = reach;
        this.audit = audit;
        this.clock = clock;
    }

    record HoldRequest(String from, String to, String reason) {
    }

    record Release(String reason) {
    }

    record RuleInput(Integer days, Long quotaBytes) {
    }

    record RecordingSwitch(Boolean enabled) {
    }

    @PostMapping("/api/v1/cameras/{id}/holds")
    @PreAuthorize("hasAnyRole('SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Place a legal hold: the camera's footage in the range is kept whatever the retention")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Hold> placeHold(@PathVariable long id, @RequestBody HoldRequest request) {
        reach.camera(id);
        Instant from = instant("from", request.from());
        Instant to = instant("to", request.to());
        if (!to.isAfter(from)) {
            throw new InvalidInput("to", "must be after from");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInput("reason", "a legal hold needs its reason (the order, the case)");
        }
        long hold = holding.holdByOrder(id, from, to, request.reason().strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(holds.find(hold).orElseThrow());
    }

    @GetMapping("/api/v1/cameras/{id}/holds")
    @PreAuthorize("hasAnyRole('SUPERVISOR','INVESTIGATOR','ADMIN')")
    @Operation(summary = "The holds on a camera's footage, newest first")
    Map<String, List<Hold>> holds(@PathVariable long id) {
        reach.camera(id);
        return Map.of("items", holds.ofCamera(id));
    }

    @PostMapping("/api/v1/video/holds/{holdId}/release")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Release a hold: its footage follows the retention rules again")
    Hold release(@PathVariable long holdId, @RequestBody Release request) {
        var hold = holds.find(holdId).orElseThrow(() -> new NotFound("hold", holdId));
        reach.camera(hold.cameraId());
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInput("reason", "say why the hold is released");
        }
        holding.release(hold, request.reason().strip());
        return holds.find(holdId).orElseThrow();
    }

    @PutMapping("/api/v1/cameras/{id}/recording")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Switch a camera's recording on or off (taken up within the reconcile interval)")
    Map<String, Object> switchRecording(@PathVariable long id, @RequestBody RecordingSwitch input) {
        reach.camera(id);
        if (input.enabled() == null) {
            throw new InvalidInput("enabled", "is required: true or false");
        }
        cameraSettings.setRecording(id, input.enabled(), CurrentActor.name(), clock.instant());
        audit.record(input.enabled() ? "video.recording-on" : "video.recording-off", "camera", Long.toString(id));
        recording.reconcile();
        return Map.of("cameraId", id, "recording", input.enabled());
    }

    @GetMapping("/api/v1/video/retention")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Retention rules per city and per camera, and the default days")
    Map<String, Object> retentionRules() {
        return Map.of("rules", rules.all(), "defaultDays", settings.retentionDays());
    }

    @PutMapping("/api/v1/video/retention/{scope}/{subject}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Set the days kept and/or the disk quota of a city (scope city, subject its code) or a camera (scope camera, subject its id)")
    RetentionRule putRule(@PathVariable String scope, @PathVariable String subject, @RequestBody RuleInput input) {
        String normalised = scope.strip().toUpperCase(Locale.ROOT);
        if (!normalised.equals("CITY") && !normalised.equals("CAMERA")) {
            throw new InvalidInput("scope", "must be city or camera");
        }
        String key = subject.strip();
        if (normalised.equals("CAMERA")) {
            long cameraId;
            try {
                cameraId = Long.parseLong(key);
            } catch (NumberFormatException e) {
                throw new InvalidInput("subject", "must be a camera id");
            }
            reach.camera(cameraId);
        } else {
            key = key.toUpperCase(Locale.ROOT);
            Reach.place("city", Jurisdiction.city(key));
        }
        if (input.days() != null && input.days() < 1) {
            throw new InvalidInput("days", "must be 1 or more");
        }
        if (input.quotaBytes() != null && input.quotaBytes() < 1) {
            throw new InvalidInput("quotaBytes", "must be 1 or more");
        }
        var rule = new RetentionRule(normalised, key, input.days(), input.quotaBytes());
        rules.put(rule);
        audit.record("video.retention-set", normalised.toLowerCase(Locale.ROOT), key, null,
            Map.of("days", String.valueOf(input.days()), "quotaBytes", String.valueOf(input.quotaBytes())));
        return rule;
    }

    @PostMapping("/api/v1/video/retention/run")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Apply retention now (it also runs every retention-interval); answers what was deleted")
    ExpiringRecordings.Outcome runRetention() {
        return retention.apply();
    }
}

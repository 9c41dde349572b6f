package org.safecity.video.internal.clips;

import static org.safecity.video.internal.CamerasInReach.WATCHERS;
import static org.safecity.video.internal.CamerasInReach.instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.safecity.evidence.CaseRecords;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.video.internal.CamerasInReach;
import org.safecity.video.internal.StatedPurposes;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A recorded range exported as one MP4, on its own or sealed into a case as evidence. */
@RestController
@Tag(name = "Video", description = "Camera health, live HLS, recordings, playback, snapshots, clip export, holds and retention. "
    + "Live video with low delay is the WebSocket GET /api/v1/cameras/{id}/live.mp4 (fragmented MP4; same access as live.m3u8)")
class ClipController {

    private final CameraDirectory cameras;
    private final ExportingClips exporting;
    private final ClipStore clips;
    private final CaseRecords cases;
    private final StatedPurposes purposes;
    private final CamerasInReach reach;
    private final AuditTrail audit;

    ClipController(CameraDirectory cameras, ExportingClips exporting, ClipStore clips, CaseRecords cases, StatedPurposes purposes,
                   CamerasInReach reach, AuditTrail audit) {
        this.cameras = cameras;
        this.exporting = exporting;
        this.clips = clips;
        this.cases = cases;
        this.purposes = purposes;
        this.reach = reach;
        this.audit = audit;
    }

    record ClipRequest(String from, String to, String caseId, String purpose) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClipView(UUID id, long cameraId, Instant from, Instant to, String status, Long bytes, String sha256, String downloadUrl,
                    UUID evidenceItemId, String error, Instant firstFrameAt, Instant lastFrameAt) {
    }

    @PostMapping("/api/v1/cameras/{id}/clips")
    @PreAuthorize(WATCHERS)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Export a range as one MP4 (no re-encoding); with caseId it becomes a sealed evidence item of that case")
    @ResponseStatus(HttpStatus.ACCEPTED)  // for the API description; the answer sets it too
    ResponseEntity<Map<String, Object>> exportClip(@PathVariable long id, @RequestBody ClipRequest request) {
        var camera = reach.camera(id);
        purposes.open(camera, "CLIP", request.purpose());
        UUID caseId = null;
        if (request.caseId() != null && !request.caseId().isBlank()) {
            try {
                caseId = UUID.fromString(request.caseId().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("caseId", "is not a case id");
            }
            cases.caseFile(caseId); // not found unless the caller may work on the case
        }
        var clip = exporting.request(camera, instant("from", request.from()), instant("to", request.to()), caseId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", clip.id(), "status", clip.status()));
    }

    @GetMapping("/api/v1/clips/{clipId}")
    @PreAuthorize(WATCHERS)
    @Operation(operationId = "clipGet", summary = "An exported clip: PENDING, READY (with its download and evidence item) or FAILED")
    ClipView clip(@PathVariable UUID clipId) {
        var clip = visibleClip(clipId);
        return new ClipView(clip.id(), clip.cameraId(), clip.from(), clip.to(), clip.status(), clip.bytes(), clip.sha256(),
            "READY".equals(clip.status()) ? "/api/v1/clips/" + clip.id() + "/download" : null, clip.evidenceItemId(), clip.error(),
            clip.firstFrameAt(), clip.lastFrameAt());
    }

    @GetMapping(path = "/api/v1/clips/{clipId}/download", produces = "video/mp4")
    @PreAuthorize(WATCHERS)
    @Operation(operationId = "clipDownload", summary = "The clip's MP4")
    ResponseEntity<FileSystemResource> download(@PathVariable UUID clipId) {
        var clip = visibleClip(clipId);
        if (!"READY".equals(clip.status()) || !Files.exists(exporting.file(clip))) {
            throw new NotFound("ready clip", clipId);
        }
        audit.record("video.clip-downloaded", "camera", Long.toString(clip.cameraId()), null, Map.of("clip", clipId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
            .header("Content-Disposition", "attachment; filename=\"camera-" + clip.cameraId() + "-" + clip.id() + ".mp4\"")
            .body(new FileSystemResource(exporting.file(clip)));
    }

    private Clip visibleClip(UUID clipId) {
        var clip = clips.find(clipId).orElseThrow(() -> new NotFound("clip", clipId));
        var camera = cameras.find(clip.cameraId());
        if (camera.isPresent() && !CurrentActor.jurisdiction().covers(camera.get().cityCode(), camera.get().zoneCode())) {
            throw new NotFound("clip", clipId);
        }
        return clip;
    }
}

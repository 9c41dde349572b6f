package org.safecity.video.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.safecity.evidence.CaseRecords;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraPresence.Observed;
import org.safecity.registry.CameraStreams;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.storage.StorageSettings;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Live and recorded video of the cameras in the caller's jurisdiction: the contract the console's video pages use. */
@RestController
@Tag(name = "Video", description = "Camera health, live HLS, recordings, playback, snapshots, clip export, holds and retention. "
    + "Live video with low delay is the WebSocket GET /api/v1/cameras/{id}/live.mp4 (fragmented MP4; same access as live.m3u8)")
class VideoController {

    private static final String WATCHERS = "hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','ADMIN')";
    private static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final MediaType MPEG_TS = MediaType.parseMediaType("video/mp2t");
    private static final Duration LONGEST_LISTING = Duration.ofDays(2);
    private static final String PURPOSE = "why a partner's camera is opened (an incident number or a reason in words); "
        + "required for a camera of a commercial premises, audited and shown to its manager";

    private final CameraDirectory cameras;
    private final RecordingStreams recording;
    private final SegmentStore segments;
    private final ExportingClips exporting;
    private final ClipStore clips;
    private final HoldingFootage holding;
    private final HoldStore holds;
    private final ExpiringRecordings retention;
    private final RetentionRuleStore rules;
    private final CaseRecords cases;
    private final Ffmpeg ffmpeg;
    private final AuditTrail audit;
    private final Clock clock;
    private final VideoSettings settings;
    private final CameraSettingStore cameraSettings;
    private final StatedPurposes purposes;
    private final Path root;
    private final CameraPresence presence;
    private final LiveSockets sockets;

    VideoController(CameraDirectory cameras, CameraPresence presence, RecordingStreams recording, SegmentStore segments, ExportingClips exporting,
                    ClipStore clips, HoldingFootage holding, HoldStore holds, ExpiringRecordings retention, RetentionRuleStore rules,
                    CaseRecords cases, Ffmpeg ffmpeg, AuditTrail audit, Clock clock, StorageSettings storage,
                    VideoSettings settings, CameraSettingStore cameraSettings, StatedPurposes purposes, LiveSockets sockets) {
        this.sockets = sockets;
        this.settings = settings;
        this.purposes = purposes;
        this.cameraSettings = cameraSettings;
        this.cameras = cameras;
        this.recording = recording;
        this.segments = segments;
        this.exporting = exporting;
        this.clips = clips;
        this.holding = holding;
        this.holds = holds;
        this.retention = retention;
        this.rules = rules;
        this.cases = cases;
        this.ffmpeg = ffmpeg;
        this.audit = audit;
        this.clock = clock;
        this.root = VideoFolders.root(storage);
        this.presence = presence;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** {@code status} is ONLINE, OFFLINE or UNKNOWN as observed; {@code online} is true only when it is ONLINE. */
    record CameraItem(long cameraId, String name, String siteName, String cityCode, String zoneCode, String status, boolean online,
                      boolean recording, boolean hasSubStream, Instant lastSeen, Long partnerId) {
    }

    record CameraList(List<CameraItem> items, long total) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Health(long cameraId, String status, boolean online, Instant lastSeen, Double bitrateKbps, Double fps, Instant lastKeyframeAt,
                  long uptimeTodaySeconds, boolean recording, int restartsToday, String lastError) {
    }

    record SegmentItem(long id, Instant start, Instant end, long bytes) {
    }

    record RecordingList(List<SegmentItem> items, List<Recordings.Gap> gaps) {
    }

    record ClipRequest(String from, String to, String caseId, String purpose) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClipView(UUID id, long cameraId, Instant from, Instant to, String status, Long bytes, String sha256, String downloadUrl,
                    UUID evidenceItemId, String error, Instant firstFrameAt, Instant lastFrameAt) {
    }

    record HoldRequest(String from, String to, String reason) {
    }

    record Release(String reason) {
    }

    record RuleInput(Integer days, Long quotaBytes) {
    }

    record RecordingSwitch(Boolean enabled) {
    }

    @GetMapping("/api/v1/video/cameras")
    @PreAuthorize(WATCHERS)
    @Operation(operationId = "videoCameraList", summary = "Cameras with a stream in the caller's jurisdiction (recorded ones first), for the video wall's picker")
    CameraList list(@RequestParam(required = false) String city, @RequestParam(required = false) String q,
                    @RequestParam(required = false) Integer limit) {
        var jurisdiction = CurrentActor.jurisdiction();
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        var found = cameras.streams().stream()
            .filter(c -> jurisdiction.covers(c.camera().cityCode(), c.camera().zoneCode()))
            .filter(c -> city == null || city.isBlank() || city.equalsIgnoreCase(c.camera().cityCode()))
            .filter(c -> needle.isEmpty() || c.camera().name().toLowerCase(Locale.ROOT).contains(needle)
                || c.camera().siteName().toLowerCase(Locale.ROOT).contains(needle) || Long.toString(c.camera().id()).equals(needle))
            .toList();
        var observed = presence.now(found.stream().map(c -> c.camera().id()).toList());
        var items = found.stream()
            .map(c -> item(c, observed.get(c.camera().id())))
            .sorted(Comparator.comparing((CameraItem i) -> !i.recording()).thenComparingLong(CameraItem::cameraId))
            .toList();
        int shown = limit == null ? 500 : Math.max(1, Math.min(limit, 5000));
        return new CameraList(items.stream().limit(shown).toList(), items.size());
    }

    private CameraItem item(CameraStreams c, CameraPresence.Presence observed) {
        var recorder = recording.recorder(c.camera().id());
        var status = status(recorder.map(StreamRecorder::health), observed);
        Instant lastSeen = recorder.map(StreamRecorder::health).map(CameraHealth::lastSeen).orElse(observed.lastHeard());
        return new CameraItem(c.camera().id(), c.camera().name(), c.camera().siteName(), c.camera().cityCode(), c.camera().zoneCode(),
            status.name(), status == Observed.ONLINE, recorder.isPresent(), c.subStream() != null, lastSeen,
            c.camera().partnerId());
    }

    /** The recorder's own health is the freshest word on a recorded camera; any other is as its presence was observed. */
    private static Observed status(Optional<CameraHealth> health, CameraPresence.Presence observed) {
        return health.map(h -> h.online() ? Observed.ONLINE : observed.observed() == Observed.UNKNOWN ? Observed.UNKNOWN : Observed.OFFLINE)
            .orElse(observed.observed());
    }

    @GetMapping("/api/v1/cameras/{id}/health")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "A camera's stream health: online, bitrate, frame rate, last key frame, uptime today, restarts")
    Health health(@PathVariable long id) {
        camera(id);
        var observed = presence.now(List.of(id)).get(id);
        return recording.recorder(id).map(StreamRecorder::health)
            .map(h -> {
                var status = status(Optional.of(h), observed);
                return new Health(id, status.name(), status == Observed.ONLINE, h.lastSeen(), h.bitrateKbps(), h.fps(), h.lastKeyframeAt(),
                    h.uptimeTodaySeconds(), true, h.restartsToday(), h.lastError());
            })
            .orElseGet(() -> new Health(id, observed.observed().name(), observed.observed() == Observed.ONLINE, observed.lastHeard(),
                null, null, null, 0, false, 0, null));
    }

    @GetMapping(path = "/api/v1/cameras/{id}/live.m3u8", produces = "application/vnd.apple.mpegurl")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "Live HLS playlist (the sub-stream where the camera has one); 404 when the camera is not recorded")
    ResponseEntity<byte[]> live(@PathVariable long id, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) throws IOException {
        purposes.open(camera(id), "LIVE", purpose);
        Path playlist = liveFolder(id).resolve("live.m3u8");
        if (!Files.exists(playlist)) {
            throw new NotFound("live video of camera", id);
        }
        return ResponseEntity.ok().contentType(M3U8).cacheControl(CacheControl.noStore()).body(Files.readAllBytes(playlist));
    }

    /**
     * Live video with low delay, over WebSocket: a text message names the codec (RFC 6381; null when it is
     * not H.264: play live.m3u8 instead), then binary messages carry the fragmented MP4 initialisation segment
     * and one fragment per frame, from the last key frame; the player connects again when it closes (1012).
     * Outside the API description, which describes HTTP answers and not a WebSocket (the Video tag names it).
     */
    @GetMapping("/api/v1/cameras/{id}/live.mp4")
    @PreAuthorize(WATCHERS)
    @Hidden
    void liveMp4(@PathVariable long id, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        var camera = camera(id);
        purposes.open(camera, "LIVE", purpose);
        var recorder = recording.recorder(id).orElseThrow(() -> new NotFound("live video of camera", id));
        sockets.connect(recorder.liveFeed(), request, response);
    }

    @GetMapping(path = "/api/v1/cameras/{id}/live/{name:\\d+}.ts", produces = "video/mp2t")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "A live HLS segment (MPEG-TS)")
    ResponseEntity<FileSystemResource> liveSegment(@PathVariable long id, @PathVariable String name, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) {
        purposes.continueOrOpen(camera(id), "LIVE", purpose);
        Path file = liveFolder(id).resolve(name + ".ts");
        if (!Files.exists(file)) {
            throw new NotFound("live segment", name);
        }
        return ResponseEntity.ok().contentType(MPEG_TS).cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
            .body(new FileSystemResource(file));
    }

    private Path liveFolder(long id) {
        return recording.recorder(id).map(StreamRecorder::liveFolder)
            .orElseThrow(() -> new NotFound("live video of camera", id));
    }

    @GetMapping("/api/v1/cameras/{id}/recordings")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "Recorded segments and the gaps between them in a range (ISO-8601 UTC; default the last hour; at most 2 days)")
    RecordingList recordings(@PathVariable long id, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        camera(id);
        Instant[] range = range(from, to);
        var found = segments.overlapping(id, range[0], range[1]);
        Instant end = range[1].isAfter(clock.instant()) ? clock.instant() : range[1];
        return new RecordingList(found.stream().map(s -> new SegmentItem(s.id(), s.start(), s.end(), s.bytes())).toList(),
            Recordings.gaps(found, range[0], end));
    }

    @GetMapping(path = "/api/v1/cameras/{id}/playback.m3u8", produces = "application/vnd.apple.mpegurl")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "HLS VOD playlist of what is recorded in a range, with a discontinuity at each gap")
    ResponseEntity<String> playback(@PathVariable long id, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) {
        var camera = camera(id);
        Instant[] range = range(from, to);
        purposes.open(camera, "PLAYBACK", purpose);
        var found = segments.overlapping(id, range[0], range[1]);
        if (found.isEmpty()) {
            throw new NotFound("recording in that range of camera", id);
        }
        audit.record("video.playback", "camera", Long.toString(id), null, Map.of("from", range[0].toString(), "to", range[1].toString()));
        return ResponseEntity.ok().contentType(M3U8).cacheControl(CacheControl.noStore()).body(Recordings.playlist(found));
    }

    @GetMapping(path = "/api/v1/cameras/{id}/segments/{segment:\\d+}.ts", produces = "video/mp2t")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "A recorded segment (MPEG-TS)")
    ResponseEntity<FileSystemResource> segment(@PathVariable long id, @PathVariable long segment, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) {
        purposes.continueOrOpen(camera(id), "PLAYBACK", purpose);
        var found = segments.find(id, segment).orElseThrow(() -> new NotFound("segment", segment));
        Path file = root.resolve(found.path());
        if (!Files.exists(file)) {
            throw new NotFound("segment", segment);
        }
        return ResponseEntity.ok().contentType(MPEG_TS).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
            .body(new FileSystemResource(file));
    }

    @GetMapping(path = "/api/v1/cameras/{id}/snapshot.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize(WATCHERS)
    @Operation(summary = "A JPEG of the camera's latest picture")
    ResponseEntity<byte[]> snapshot(@PathVariable long id, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) throws IOException {
        purposes.open(camera(id), "SNAPSHOT", purpose);
        Path source = newestLiveSegment(id);
        if (source == null) {
            source = segments.latest(id).map(s -> root.resolve(s.path())).filter(Files::exists)
                .orElseThrow(() -> new NotFound("picture of camera", id));
        }
        byte[] jpeg = ffmpeg.run(List.of("-hide_banner", "-loglevel", "error", "-i", source.toString(), "-frames:v", "1",
            "-q:v", "4", "-c:v", "mjpeg", "-f", "image2pipe", "pipe:1"), 20);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(jpeg);
    }

    /** The newest complete live segment: the last one the live playlist lists. */
    private Path newestLiveSegment(long id) throws IOException {
        var recorder = recording.recorder(id);
        if (recorder.isEmpty()) {
            return null;
        }
        Path playlist = recorder.get().liveFolder().resolve("live.m3u8");
        if (!Files.exists(playlist)) {
            return null;
        }
        String last = null;
        for (String line : Files.readAllLines(playlist)) {
            if (line.startsWith("live/")) {
                last = line.substring(5);
            }
        }
        Path file = last == null ? null : recorder.get().liveFolder().resolve(last);
        return file != null && Files.exists(file) ? file : null;
    }

    @PostMapping("/api/v1/cameras/{id}/clips")
    @PreAuthorize(WATCHERS)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Export a range as one MP4 (no re-encoding); with caseId it becomes a sealed evidence item of that case")
    @ResponseStatus(HttpStatus.ACCEPTED)  // for the API description; the answer sets it too
    ResponseEntity<Map<String, Object>> exportClip(@PathVariable long id, @RequestBody ClipRequest request) {
        var camera = camera(id);
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

    @PostMapping("/api/v1/cameras/{id}/holds")
    @PreAuthorize("hasAnyRole('SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Place a legal hold: the camera's footage in the range is kept whatever the retention")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Hold> placeHold(@PathVariable long id, @RequestBody HoldRequest request) {
        camera(id);
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
        camera(id);
        return Map.of("items", holds.ofCamera(id));
    }

    @PostMapping("/api/v1/video/holds/{holdId}/release")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Release a hold: its footage follows the retention rules again")
    Hold release(@PathVariable long holdId, @RequestBody Release request) {
        var hold = holds.find(holdId).orElseThrow(() -> new NotFound("hold", holdId));
        camera(hold.cameraId());
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
        camera(id);
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
        return Map.of("rules", rules.all(), "defaultDays", retentionDefaultDays());
    }

    private int retentionDefaultDays() {
        return settings.retentionDays();
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
            camera(cameraId);
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

    /** The camera if it exists and lies in the caller's jurisdiction; otherwise not found. */
    private CameraSummary camera(long id) {
        return cameras.find(id).filter(c -> CurrentActor.jurisdiction().covers(c.cityCode(), c.zoneCode()))
            .orElseThrow(() -> new NotFound("camera", id));
    }

    private Instant[] range(String from, String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofHours(1)) : instant("from", from);
        if (!end.isAfter(start)) {
            throw new InvalidInput("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_LISTING) > 0) {
            throw new InvalidInput("to", "a range is at most 2 days");
        }
        return new Instant[] {start, end};
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required (ISO-8601 UTC, e.g. 2026-11-25T10:00:00Z)");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "is not an ISO-8601 UTC time such as 2026-11-25T10:00:00Z");
        }
    }
}

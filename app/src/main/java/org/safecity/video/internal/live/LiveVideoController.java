package org.safecity.video.internal.live;

import static org.safecity.video.internal.CamerasInReach.M3U8;
import static org.safecity.video.internal.CamerasInReach.MPEG_TS;
import static org.safecity.video.internal.CamerasInReach.PURPOSE;
import static org.safecity.video.internal.CamerasInReach.WATCHERS;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraPresence.Observed;
import org.safecity.registry.CameraStreams;
import org.safecity.shared.NotFound;
import org.safecity.storage.StorageSettings;
import org.safecity.video.internal.CamerasInReach;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.StatedPurposes;
import org.safecity.video.internal.SteeringCameras;
import org.safecity.video.internal.VideoFolders;
import org.safecity.video.internal.recording.CameraHealth;
import org.safecity.video.internal.recording.RecordingStreams;
import org.safecity.video.internal.recording.StreamRecorder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cameras one may watch, their health, their live HLS and their latest picture. */
@RestController
@Tag(name = "Video", description = "Camera health, live HLS, recordings, playback, snapshots, clip export, holds and retention. "
    + "Live video with low delay is the WebSocket GET /api/v1/cameras/{id}/live.mp4 (fragmented MP4; same access as live.m3u8)")
class LiveVideoController {

    private final CameraDirectory cameras;
    private final CameraPresence presence;
    private final RecordingStreams recording;
    private final SegmentStore segments;
    private final Ffmpeg ffmpeg;
    private final StatedPurposes purposes;
    private final LiveSockets sockets;
    private final CamerasInReach reach;
    private final Path root;

    LiveVideoController(CameraDirectory cameras, CameraPresence presence, RecordingStreams recording, SegmentStore segments,
                        Ffmpeg ffmpeg, StatedPurposes purposes, CamerasInReach reach, StorageSettings storage, LiveSockets sockets) {
        this.sockets = sockets;
        this.cameras = cameras;
        this.presence = presence;
        this.recording = recording;
        this.segments = segments;
        this.ffmpeg = ffmpeg;
        this.purposes = purposes;
        this.reach = reach;
        this.root = VideoFolders.root(storage);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    /**
     * {@code status} is ONLINE, OFFLINE or UNKNOWN as observed; {@code online} is true only when it is ONLINE;
     * {@code steerable} when the caller may pan, tilt and zoom it (a PTZ camera with an ONVIF address, and a caller
     * who steers cameras).
     */
    record CameraItem(long cameraId, String name, String siteName, String cityCode, String zoneCode, String status, boolean online,
                      boolean recording, boolean hasSubStream, Instant lastSeen, Long partnerId, boolean steerable) {
    }

    record CameraList(List<CameraItem> items, long total) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Health(long cameraId, String status, boolean online, Instant lastSeen, Double bitrateKbps, Double fps, Instant lastKeyframeAt,
                  long uptimeTodaySeconds, boolean recording, int restartsToday, String lastError) {
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
        var actor = CurrentActor.get();
        boolean steers = actor.has(Role.OPERATOR) || actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
        var items = found.stream()
            .map(c -> item(c, observed.get(c.camera().id()), steers))
            .sorted(Comparator.comparing((CameraItem i) -> !i.recording()).thenComparingLong(CameraItem::cameraId))
            .toList();
        int shown = limit == null ? 500 : Math.max(1, Math.min(limit, 5000));
        return new CameraList(items.stream().limit(shown).toList(), items.size());
    }

    private CameraItem item(CameraStreams c, CameraPresence.Presence observed, boolean steers) {
        var recorder = recording.recorder(c.camera().id());
        var status = status(recorder.map(StreamRecorder::health), observed);
        Instant lastSeen = recorder.map(StreamRecorder::health).map(CameraHealth::lastSeen).orElse(observed.lastHeard());
        return new CameraItem(c.camera().id(), c.camera().name(), c.camera().siteName(), c.camera().cityCode(), c.camera().zoneCode(),
            status.name(), status == Observed.ONLINE, recorder.isPresent(), c.subStream() != null, lastSeen,
            c.camera().partnerId(), steers && SteeringCameras.steerable(c));
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
        reach.camera(id);
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
        purposes.open(reach.camera(id), "LIVE", purpose);
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
        var camera = reach.camera(id);
        purposes.open(camera, "LIVE", purpose);
        var recorder = recording.recorder(id).orElseThrow(() -> new NotFound("live video of camera", id));
        sockets.connect(recorder.liveFeed(), request, response);
    }

    @GetMapping(path = "/api/v1/cameras/{id}/live/{name:\\d+}.ts", produces = "video/mp2t")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "A live HLS segment (MPEG-TS)")
    ResponseEntity<FileSystemResource> liveSegment(@PathVariable long id, @PathVariable String name, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) {
        purposes.continueOrOpen(reach.camera(id), "LIVE", purpose);
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

    @GetMapping(path = "/api/v1/cameras/{id}/snapshot.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize(WATCHERS)
    @Operation(summary = "A JPEG of the camera's latest picture")
    ResponseEntity<byte[]> snapshot(@PathVariable long id, @RequestParam(required = false) @Parameter(description = PURPOSE) String purpose) throws IOException {
        purposes.open(reach.camera(id), "SNAPSHOT", purpose);
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
}

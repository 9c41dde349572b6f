package org.safecity.video.internal.playback;

import static org.safecity.video.internal.CamerasInReach.M3U8;
import static org.safecity.video.internal.CamerasInReach.MPEG_TS;
import static org.safecity.video.internal.CamerasInReach.PURPOSE;
import static org.safecity.video.internal.CamerasInReach.WATCHERS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.NotFound;
import org.safecity.storage.StorageSettings;
import org.safecity.video.internal.CamerasInReach;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.StatedPurposes;
import org.safecity.video.internal.VideoFolders;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a camera recorded: the segments and gaps of a range, and their playback as HLS. */
@RestController
@Tag(name = "Video", description = "Camera health, live HLS, recordings, playback, snapshots, clip export, holds and retention. "
    + "Live video with low delay is the WebSocket GET /api/v1/cameras/{id}/live.mp4 (fragmented MP4; same access as live.m3u8)")
class PlaybackController {

    private final SegmentStore segments;
    private final StatedPurposes purposes;
    private final CamerasInReach reach;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path root;

    PlaybackController(SegmentStore segments, StatedPurposes purposes, CamerasInReach reach, AuditTrail audit, Clock clock,
                       StorageSettings storage) {
        this.segments = segments;
        this.purposes = purposes;
        this.reach = reach;
        this.audit = audit;
        this.clock = clock;
        this.root = VideoFolders.root(storage);
    }

    record SegmentItem(long id, Instant start, Instant end, long bytes) {
    }

    record RecordingList(List<SegmentItem> items, List<Recordings.Gap> gaps) {
    }

    @GetMapping("/api/v1/cameras/{id}/recordings")
    @PreAuthorize(WATCHERS)
    @Operation(summary = "Recorded segments and the gaps between them in a range (ISO-8601 UTC; default the last hour; at most 2 days)")
    RecordingList recordings(@PathVariable long id, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        reach.camera(id);
        Instant[] range = reach.range(from, to);
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
        var camera = reach.camera(id);
        Instant[] range = reach.range(from, to);
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
        purposes.continueOrOpen(reach.camera(id), "PLAYBACK", purpose);
        var found = segments.find(id, segment).orElseThrow(() -> new NotFound("segment", segment));
        Path file = root.resolve(found.path());
        if (!Files.exists(file)) {
            throw new NotFound("segment", segment);
        }
        return ResponseEntity.ok().contentType(MPEG_TS).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
            .body(new FileSystemResource(file));
    }
}

package org.safecity.video.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.safecity.identity.CurrentActor;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * What every video endpoint shares: who may watch, the camera as the caller may see it, and how the times of a request
 * are read. A camera outside the caller's jurisdiction is answered as not found, never as forbidden, so that its
 * existence is not told.
 */
@Component
public class CamerasInReach {

    public static final String WATCHERS = "hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','ADMIN')";
    public static final String PURPOSE = "why a partner's camera is opened (an incident number or a reason in words); "
        + "required for a camera of a commercial premises, audited and shown to its manager";
    public static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    public static final MediaType MPEG_TS = MediaType.parseMediaType("video/mp2t");
    private static final Duration LONGEST_LISTING = Duration.ofDays(2);

    private final CameraDirectory cameras;
    private final Clock clock;

    CamerasInReach(CameraDirectory cameras, Clock clock) {
        this.cameras = cameras;
        this.clock = clock;
    }

    /** The camera if it exists and lies in the caller's jurisdiction; otherwise not found. */
    public CameraSummary camera(long id) {
        return cameras.find(id).filter(c -> CurrentActor.jurisdiction().covers(c.cityCode(), c.zoneCode()))
            .orElseThrow(() -> new NotFound("camera", id));
    }

    /** A listing's range: the last hour unless given, never empty, at most two days. */
    public Instant[] range(String from, String to) {
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

    public static Instant instant(String field, String text) {
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

package org.safecity.registry.internal.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraPresence.Observed;
import org.springframework.stereotype.Component;

/**
 * What the API says of cameras and sites as observed: each camera's presence now and its uptime over
 * the last day and week. Uptime is unknown (null) for a camera never heard from, not 0: nothing says
 * it was down, only that SafeCity never received it. A site's uptime is the mean over its cameras that
 * were ever heard from, with how many those are.
 */
@Component
public class Observations {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    /** Shares (0 to 1) of the last 24 hours and 7 days in which a camera was heard from; null when never. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Uptime(Double last24h, Double last7d) {
        static final Uptime UNKNOWN = new Uptime(null, null);
    }

    public record Observation(Observed status, Instant lastHeard, Uptime uptime) {
    }

    /** A site's uptime over the cameras of it that were ever heard from ({@code observedCameras} of {@code cameras}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SiteUptime(Double last24h, Double last7d, int observedCameras, int cameras) {
    }

    private final CameraPresence presence;
    private final Clock clock;

    Observations(CameraPresence presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    public Map<Long, Observation> of(Collection<Long> cameraIds) {
        Instant now = clock.instant();
        var present = presence.now(cameraIds);
        var day = presence.shareHeard(cameraIds, now.minus(DAY), now);
        var week = presence.shareHeard(cameraIds, now.minus(WEEK), now);
        Map<Long, Observation> answer = new HashMap<>();
        for (long id : cameraIds) {
            var p = present.get(id);
            var uptime = p.lastHeard() == null ? Uptime.UNKNOWN : new Uptime(day.get(id), week.get(id));
            answer.put(id, new Observation(p.observed(), p.lastHeard(), uptime));
        }
        return answer;
    }

    public Observation of(long cameraId) {
        return of(List.of(cameraId)).get(cameraId);
    }

    public SiteUptime site(Collection<Long> cameraIds) {
        var heard = of(cameraIds).values().stream().filter(o -> o.lastHeard() != null).toList();
        if (heard.isEmpty()) {
            return new SiteUptime(null, null, 0, cameraIds.size());
        }
        return new SiteUptime(heard.stream().mapToDouble(o -> o.uptime().last24h()).average().orElseThrow(),
            heard.stream().mapToDouble(o -> o.uptime().last7d()).average().orElseThrow(), heard.size(), cameraIds.size());
    }
}

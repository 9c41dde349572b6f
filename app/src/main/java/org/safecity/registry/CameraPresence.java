package org.safecity.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What SafeCity has observed of its cameras, as opposed to what the registry plans: a camera is
 * {@link Observed#ONLINE} only while its video or its detections arrive, {@link Observed#OFFLINE}
 * once it was heard from and then fell silent, and {@link Observed#UNKNOWN} when nothing of it has
 * ever been heard (not recorded, no device sending). Built from {@link CameraDirectory#markSeen} and
 * {@link CameraDirectory#markSilent}; a camera counts as heard from until {@link #HEARD_WITHIN} after
 * its last signal, the longest quiet a working recorder or device leaves between two reports.
 */
public interface CameraPresence {

    Duration HEARD_WITHIN = Duration.ofSeconds(90);

    enum Observed { ONLINE, OFFLINE, UNKNOWN }

    /** A camera as observed at {@code at}; {@code lastHeard} is null when it never was. */
    record Presence(long cameraId, Observed observed, Instant lastHeard) {
    }

    /** Each of the cameras as observed now; every id asked for has an answer. */
    Map<Long, Presence> now(Collection<Long> cameraIds);

    /**
     * The share (0 to 1) of {@code [from, to)} in which each camera was heard from. A camera never heard
     * from in the window has 0; the caller decides whether one that was never observed at all is
     * "unknown" rather than "down" (see {@link #now}).
     */
    Map<Long, Double> shareHeard(Collection<Long> cameraIds, Instant from, Instant to);
}

package org.safecity.video;

import java.time.Instant;

/**
 * Where the opening of a partner's camera (a registry camera with a partner id) is recorded for its
 * owner to see. Video calls it, in the request, each time a person opens such a camera's live video,
 * playback, snapshot or clip with a purpose; an implementation that throws refuses the opening.
 */
public interface PartnerCameraAccess {

    /**
     * @param what {@code LIVE}, {@code PLAYBACK}, {@code SNAPSHOT} or {@code CLIP}
     * @param purpose the purpose as the person stated it (an incident number or a reason in words)
     */
    record Opened(long cameraId, long partnerId, String who, String what, String purpose, Instant at) {
    }

    void opened(Opened access);
}

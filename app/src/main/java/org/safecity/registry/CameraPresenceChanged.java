package org.safecity.registry;

import java.time.Instant;
import org.safecity.registry.CameraPresence.Observed;

/**
 * A camera began to be heard from ({@link Observed#ONLINE}: its video or detections arrive again) or fell
 * silent ({@link Observed#OFFLINE}). Published on the change only, not on every signal.
 */
public record CameraPresenceChanged(long cameraId, Observed now, Instant at) {
}

package org.safecity.registry;

import java.time.Instant;

/** A camera was taken out of service; its history stays, but nothing should be expected from it. */
public record CameraRetired(long cameraId, String reason, Instant at) {
}

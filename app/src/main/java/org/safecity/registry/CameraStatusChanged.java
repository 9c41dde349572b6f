package org.safecity.registry;

import java.time.Instant;

/** A camera's status changed, e.g. it came online after its first detection or an operator marked it faulty. */
public record CameraStatusChanged(long cameraId, CameraStatus from, CameraStatus to, Instant at) {
}

package org.safecity.registry;

import java.time.Instant;

/** A camera's installation changed: it was put up (by a person, or found up when first heard from), marked faulty or repaired. */
public record CameraInstallationChanged(long cameraId, CameraInstallation from, CameraInstallation to, Instant at) {
}

package org.safecity.registry.internal.cameras;

import java.time.LocalDate;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.StreamCredentials;
import org.safecity.shared.GeoPoint;

/**
 * A checked camera, ready to store.
 *
 * @param credentials new credentials to encrypt and store, or null to keep (or, with {@code clearCredentials}, remove) the stored ones
 * @param location    the camera's own position, or null to stand at its site's point
 * @param onvifAddress the camera's ONVIF device service, or null
 */
public record CameraDraft(long siteId, String name, String make, String model, String resolution, CameraType type,
                   Integer heading, Integer fieldOfView, String mainStream, String subStream, StreamCredentials credentials,
                   boolean clearCredentials, Owner owner, Long partnerId, CameraInstallation status, LocalDate installedOn,
                   GeoPoint location, String onvifAddress) {
}

package org.safecity.registry;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/**
 * What other modules need to know of a camera: where it is, whose jurisdiction, what it sees.
 *
 * @param zoneCode the police station area, or null when the site has none
 * @param heading compass degrees the camera faces, null for a PTZ
 * @param partnerId the commercial partner owning the camera, null for the Authority's own
 */
public record CameraSummary(long id, String name, long siteId, String siteName, String cityCode, String zoneCode,
                            int phase, CameraType type, CameraInstallation installation, GeoPoint location, Integer heading,
                            Integer fieldOfView, Long partnerId, Instant lastSeen) {
}

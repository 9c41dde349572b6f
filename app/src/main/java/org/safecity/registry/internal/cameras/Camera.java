package org.safecity.registry.internal.cameras;

import java.time.Instant;
import java.time.LocalDate;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.sites.SiteKind;
import org.safecity.shared.GeoPoint;

/**
 * A camera with what the map and the video module need. {@code location} is the camera's own
 * position, or its site's when it has none; the stream password is not part of it.
 */
public record Camera(long id, long siteId, String siteName, SiteKind siteKind, String cityCode, String cityName,
              String zoneCode, int phase, String name, String make, String model, String resolution, CameraType type,
              Integer heading, Integer fieldOfView, String mainStream, String subStream, boolean hasCredentials,
              Owner owner, Long partnerId, CameraInstallation installation, LocalDate installedOn, Instant lastSeen,
              GeoPoint location, Instant retiredAt, String retireReason, String onvifAddress) {

    public boolean retired() {
        return retiredAt != null;
    }
}

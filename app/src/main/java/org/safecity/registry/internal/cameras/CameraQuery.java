package org.safecity.registry.internal.cameras;

import java.time.Instant;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraPresence.Observed;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.Rows;
import org.safecity.registry.internal.presence.PresenceLog;
import org.safecity.registry.internal.sites.SiteQuery;
import org.safecity.shared.BoundingBox;
import org.safecity.storage.Where;

/**
 * Filters on the camera list; null means "any". The box applies to each camera's own position.
 * {@code status} is as observed at {@code heardSince} + {@link org.safecity.registry.CameraPresence#HEARD_WITHIN}
 * (read as {@link PresenceLog} reads it); {@code installation} as recorded.
 */
public record CameraQuery(String cityCode, String zoneCode, Integer phase, Observed status, Instant heardSince,
                   CameraInstallation installation, CameraType type, Long siteId, BoundingBox bbox, boolean includeRetired) {

    void apply(Where where) {
        SiteQuery.restrictPlacement(where, cityCode, zoneCode, phase);
        if (status != null) {
            where.and(PresenceLog.observedIs(status, "c"), "heardSince", Rows.timestamp(heardSince));
        }
        if (installation != null) {
            where.and("c.status = :installation", "installation", installation.name());
        }
        if (type != null) {
            where.and("c.type = :type", "type", type.name());
        }
        if (siteId != null) {
            where.and("c.site_id = :siteId", "siteId", siteId);
        }
        if (bbox != null) {
            where.and("coalesce(c.lon, s.lon) between :minLon and :maxLon and coalesce(c.lat, s.lat) between :minLat and :maxLat")
                .param("minLon", bbox.minLon()).param("maxLon", bbox.maxLon())
                .param("minLat", bbox.minLat()).param("maxLat", bbox.maxLat());
        }
        if (!includeRetired) {
            where.and("c.retired_at is null");
        }
    }
}

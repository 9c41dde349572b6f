package org.safecity.registry.internal;

import org.safecity.registry.CameraStatus;
import org.safecity.registry.CameraType;
import org.safecity.shared.BoundingBox;

/** Filters on the camera list; null means "any". The box applies to each camera's own position. */
record CameraQuery(String cityCode, String zoneCode, Integer phase, CameraStatus status, CameraType type, Long siteId,
                   BoundingBox bbox, boolean includeRetired) {

    void apply(SqlFilter where) {
        if (cityCode != null) {
            where.and("s.city_code = :city", "city", cityCode);
        }
        if (zoneCode != null) {
            where.and("s.zone_code = :zone", "zone", zoneCode);
        }
        if (phase != null) {
            where.and("s.phase = :phase", "phase", phase);
        }
        if (status != null) {
            where.and("c.status = :status", "status", status.name());
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

package org.safecity.registry.internal;

import org.safecity.shared.BoundingBox;

/** Filters on the site list; null means "any". */
record SiteQuery(String cityCode, String zoneCode, Integer phase, SiteStatus status, SiteKind kind, BoundingBox bbox,
                 boolean includeRetired) {

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
            where.and("s.status = :status", "status", status.name());
        }
        if (kind != null) {
            where.and("s.kind = :kind", "kind", kind.name());
        }
        if (bbox != null) {
            where.and("s.lon between :minLon and :maxLon and s.lat between :minLat and :maxLat")
                .param("minLon", bbox.minLon()).param("maxLon", bbox.maxLon())
                .param("minLat", bbox.minLat()).param("maxLat", bbox.maxLat());
        }
        if (!includeRetired) {
            where.and("s.retired_at is null");
        }
    }
}

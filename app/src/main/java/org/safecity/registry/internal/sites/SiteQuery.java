package org.safecity.registry.internal.sites;

import org.safecity.shared.BoundingBox;
import org.safecity.storage.Where;

/** Filters on the site list; null means "any". */
public record SiteQuery(String cityCode, String zoneCode, Integer phase, SiteStatus status, SiteKind kind, BoundingBox bbox,
                 boolean includeRetired) {

    void apply(Where where) {
        restrictPlacement(where, cityCode, zoneCode, phase);
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

    /** City, zone and phase are the site's (aliased {@code s}), for sites and for the cameras standing at them. */
    public static void restrictPlacement(Where where, String cityCode, String zoneCode, Integer phase) {
        if (cityCode != null) {
            where.and("s.city_code = :city", "city", cityCode);
        }
        if (zoneCode != null) {
            where.and("s.zone_code = :zone", "zone", zoneCode);
        }
        if (phase != null) {
            // a premises' own cameras stand on the network but in no phase's plan
            where.and("s.phase = :phase and s.kind <> 'PREMISES'", "phase", phase);
        }
    }
}

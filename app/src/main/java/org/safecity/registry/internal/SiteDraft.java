package org.safecity.registry.internal;

import org.safecity.shared.GeoPoint;

/** A checked site, ready to store. */
record SiteDraft(String name, SiteKind kind, GeoPoint location, String cityCode, String zoneCode, int phase,
                 SiteStatus status, SiteProgressPolicy.Dates dates) {
}

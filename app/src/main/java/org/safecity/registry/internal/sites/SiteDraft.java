package org.safecity.registry.internal.sites;

import org.safecity.shared.GeoPoint;

/** A checked site, ready to store. */
public record SiteDraft(String name, SiteKind kind, GeoPoint location, String cityCode, String zoneCode, int phase,
                 SiteStatus status, SiteProgressPolicy.Dates dates) {
}

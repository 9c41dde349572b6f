package org.safecity.registry.internal.sites;

import java.time.Instant;
import java.time.LocalDate;
import org.safecity.shared.GeoPoint;

/** A place where cameras stand: a junction, a bazaar, a hospital gate. */
public record Site(long id, String name, SiteKind kind, GeoPoint location, String cityCode, String zoneCode, int phase,
            SiteStatus status, LocalDate surveyedOn, LocalDate installedOn, LocalDate commissionedOn,
            Instant retiredAt, String retireReason) {

    public boolean retired() {
        return retiredAt != null;
    }

    SiteProgressPolicy.Dates dates() {
        return new SiteProgressPolicy.Dates(surveyedOn, installedOn, commissionedOn);
    }
}

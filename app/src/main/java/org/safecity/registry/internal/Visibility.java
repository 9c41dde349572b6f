package org.safecity.registry.internal;

import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
import org.safecity.storage.Where;

/**
 * What part of the network the caller may see: a jurisdiction (province, city or zone) and, for a
 * commercial partner's account, only the cameras that partner owns (and the sites they stand at).
 */
public record Visibility(Jurisdiction jurisdiction, Long partnerId) {

    static final Visibility EVERYTHING = new Visibility(Jurisdiction.PROVINCE, null);
    /** A partner account without a partner sees nothing; no camera has this owner. */
    private static final long NO_PARTNER = -1;

    public static Visibility ofCaller() {
        var actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return EVERYTHING;
        }
        Long partner = null;
        if (actor.get() instanceof Actor.Person person && person.has(Role.PARTNER)) {
            partner = person.partnerId() == null ? NO_PARTNER : person.partnerId();
        }
        return new Visibility(actor.get().jurisdiction(), partner);
    }

    public boolean isPartner() {
        return partnerId != null;
    }

    public boolean covers(String cityCode, String zoneCode) {
        return jurisdiction.covers(cityCode, zoneCode);
    }

    /**
     * The SQL condition for a site row aliased {@code s}, adding its parameters to {@code where}.
     * A partner's sites are those with one of its cameras.
     */
    public void restrictSites(Where where) {
        restrictJurisdiction(where);
        if (partnerId != null) {
            where.and("exists (select 1 from registry.camera pc where pc.site_id = s.id and pc.partner_id = :vis_partner)",
                "vis_partner", partnerId);
        }
    }

    /** The SQL condition for a camera row aliased {@code c} at a site aliased {@code s}. */
    public void restrictCameras(Where where) {
        restrictJurisdiction(where);
        if (partnerId != null) {
            where.and("c.partner_id = :vis_partner", "vis_partner", partnerId);
        }
    }

    private void restrictJurisdiction(Where where) {
        if (jurisdiction.cityCode() != null) {
            where.and("s.city_code = :vis_city", "vis_city", jurisdiction.cityCode());
        }
        if (jurisdiction.zoneCode() != null) {
            where.and("s.zone_code = :vis_zone", "vis_zone", jurisdiction.zoneCode());
        }
    }
}

package org.safecity.partners.internal;

import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Reach;
import org.safecity.identity.Role;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.NotFound;

/** Who may use the premises endpoints, and which premises a caller reaches. */
public final class Access {

    /** The register and each premises' standing: the Authority's people, and a partner for its own premises. */
    public static final String READ = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER','SUPERVISOR','OPERATOR','PARTNER')";
    /** The map layer: the console's operators and the compliance staff; a partner sees its own premises. */
    public static final String MAP = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER','SUPERVISOR','OPERATOR','DISPATCHER','INVESTIGATOR','PARTNER')";
    /** Registering premises and importing them: the Authority's compliance staff. */
    public static final String REGISTER = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER')";
    /** Saying what a premises' cameras cover: the compliance staff, and a premises' manager for its own. */
    public static final String DESCRIBE_CAMERAS = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER','PARTNER')";
    /** Figures over many premises. */
    public static final String DASHBOARD = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER','SUPERVISOR')";

    /** A partner account without a premises reaches nothing: no premises has this id. */
    private static final long NO_PREMISES = -1;

    private Access() {
    }

    /** What the caller reaches: its jurisdiction, and for a partner's account only its own premises. */
    public static PremisesStore.Scope scope() {
        var actor = CurrentActor.find();
        Long own = null;
        if (actor.isPresent() && actor.get() instanceof Actor.Person person && person.has(Role.PARTNER)) {
            own = person.partnerId() == null ? NO_PREMISES : person.partnerId();
        }
        return new PremisesStore.Scope(CurrentActor.jurisdiction(), own);
    }

    /** The premises if the caller reaches it; anything else does not exist for the caller. */
    public static Premises reach(Premises p) {
        var scope = scope();
        if (scope.premisesId() != null && scope.premisesId() != p.id()) {
            throw new NotFound("premises", p.id());
        }
        Reach.record("premises", p.id(), p.place());
        return p;
    }
}

package org.safecity.evidence.internal.cases;

import org.safecity.identity.Actor;
import org.safecity.identity.Role;

/**
 * Who may see a case and its evidence: its team (the investigating officer and the members added
 * to it) and the supervisors of the jurisdiction it was opened in. Administrators run the system
 * but do not read case evidence; anyone else is told the case does not exist, so its existence is
 * not disclosed either.
 */
public final class CaseAccessPolicy {

    private CaseAccessPolicy() {
    }

    public static boolean mayAccess(Actor actor, CaseFile file) {
        if (supervises(actor, file)) {
            return true;
        }
        return actor instanceof Actor.Person person && actor.has(Role.INVESTIGATOR) && file.onTeam(person.accountId());
    }

    /** Changing who is on the team: the investigating officer and supervisors. */
    static boolean mayManageTeam(Actor actor, CaseFile file) {
        return supervises(actor, file)
            || actor instanceof Actor.Person person && person.accountId() == file.investigatingOfficerId();
    }

    private static boolean supervises(Actor actor, CaseFile file) {
        return actor.has(Role.SUPERVISOR) && actor.jurisdiction().covers(file.cityCode(), file.zoneCode());
    }
}

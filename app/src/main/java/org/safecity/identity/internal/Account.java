package org.safecity.identity.internal;

import java.util.Set;
import org.safecity.identity.Actor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;

/** A person's account as stored; the password hash never leaves the identity module. */
record Account(long id, String username, String displayName, String passwordHash, Set<Role> roles,
               Jurisdiction jurisdiction, Long partnerId, boolean enabled) {

    Actor.Person asActor() {
        return new Actor.Person(id, username, roles, jurisdiction, partnerId);
    }
}

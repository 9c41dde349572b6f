package org.safecity.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.safecity.identity.Actor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;

/** A person's account as stored; the password hash never leaves the identity module. */
record Account(long id, String username, String displayName, String passwordHash, Set<Role> roles,
               Jurisdiction jurisdiction, Long partnerId, boolean enabled, Instant signedOutAt) {

    /** Whether a sign-in made at {@code signedInAt} still holds: the account is enabled and its sign-ins were not ended since. */
    boolean honours(Instant signedInAt) {
        return enabled && (signedOutAt == null || signedInAt.isAfter(signedOutAt));
    }

    Actor.Person asActor() {
        return new Actor.Person(id, username, roles, jurisdiction, partnerId);
    }
}

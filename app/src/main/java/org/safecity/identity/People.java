package org.safecity.identity;

import java.util.Optional;

/** Looks people up by username, for modules that name a person in a record (a case team, a recipient). */
public interface People {

    /** The enabled account with this username, as an actor; empty when there is none or it is disabled. */
    Optional<Actor.Person> byUsername(String username);

    /** The enabled account with this id, as an actor; empty when there is none or it is disabled. */
    Optional<Actor.Person> byId(long accountId);
}

package org.safecity.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the request being served, as established by sign-in or a device key. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** The current actor; calling this outside an authenticated request is a programming error. */
    public static Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in actor for this request"));
    }

    /** The jurisdiction to scope by; the whole province for work the system does itself. */
    public static Jurisdiction jurisdiction() {
        return find().map(Actor::jurisdiction).orElse(Jurisdiction.PROVINCE);
    }

    public static String name() {
        return find().map(Actor::name).orElse("system");
    }
}

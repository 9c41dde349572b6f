package org.safecity.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What part of the province an endpoint that changes something acts on. Every POST, PUT, PATCH and
 * DELETE endpoint declares it beside its {@code @PreAuthorize}; an endpoint that does not is refused
 * (403) rather than left unchecked. {@link Scope#PROVINCE} is checked before the handler runs; for
 * {@link Scope#JURISDICTION} the handler resolves what it addresses to a place and asks {@link Reach}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Writes {

    Scope value();

    enum Scope {
        /**
         * Settings of the whole province (fine schedule, offence policies, incident types, rollout
         * phases, retention): only a person whose jurisdiction is the whole province.
         */
        PROVINCE,
        /**
         * Records that lie in a city or zone (accounts, cameras, devices, rules, incidents, cases):
         * each record addressed must lie inside the caller's jurisdiction (else 404, as a read), and
         * each place a record is put must too (else 403).
         */
        JURISDICTION,
        /** Only the caller's own things: a device's cameras, a crew's unit, the caller's own token. */
        OWN,
        /** No account at all: sign-in, the citizen portal, the bank's signed callback. */
        PUBLIC
    }
}

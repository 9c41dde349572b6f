package org.safecity.identity;

import org.safecity.shared.NotFound;

/**
 * The one check of where a write lands, against the caller's jurisdiction
 * ({@link Jurisdiction#permits}). The policy is the reads' policy: a record outside the
 * jurisdiction does not exist for the caller (404); a place outside it, named for something new
 * or changed, is refused (403), since the caller knows the place it named.
 */
public final class Reach {

    private Reach() {
    }

    /** Whether the caller may act on what lies in {@code place}; work the system does itself acts anywhere. */
    public static boolean permits(Jurisdiction place) {
        return CurrentActor.jurisdiction().permits(place);
    }

    /** The record {@code kind} {@code id}, which lies in {@code place}: "not found" when it is outside. */
    public static void record(String kind, Object id, Jurisdiction place) {
        if (!permits(place)) {
            throw new NotFound(kind, id);
        }
    }

    /** A place the write would put something in, named by {@code field}: refused when it is outside. */
    public static void place(String field, Jurisdiction place) {
        if (!permits(place)) {
            throw new OutsideJurisdiction(field + " " + describe(place) + " lies outside your jurisdiction ("
                + CurrentActor.jurisdiction() + "); an administrator of " + describe(place) + " can do this.");
        }
    }

    /** A setting of the whole province, named {@code what}: for province-wide people only. */
    public static void province(String what) {
        if (!CurrentActor.jurisdiction().isProvince()) {
            throw new OutsideJurisdiction(what + " applies to the whole province; only a person with province-wide "
                + "jurisdiction may change it (yours is " + CurrentActor.jurisdiction() + ").");
        }
    }

    private static String describe(Jurisdiction place) {
        return place.isProvince() ? "the whole province" : place.toString();
    }
}

package org.safecity.emergency.internal.incidents;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands. It moves forward only, except that a dispatched incident whose units
 * were all stood down goes back to NEW; resolving and closing are people's decisions.
 */
public enum IncidentStatus {
    NEW, DISPATCHED, EN_ROUTE, ON_SCENE, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** Whether a person may set this status by hand (the others follow from the units' progress). */
    boolean canMoveTo(IncidentStatus next) {
        return switch (next) {
            case RESOLVED -> isOpen();
            case CLOSED -> this != CLOSED;
            default -> false;
        };
    }

    /** The furthest of the two: an incident is on scene as soon as one unit is. */
    public IncidentStatus atLeast(IncidentStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    static final Set<IncidentStatus> OPEN = EnumSet.of(NEW, DISPATCHED, EN_ROUTE, ON_SCENE);
}

package org.safecity.emergency.internal.units;

/** Where a unit stands. DISPATCHED is set by a dispatch only; the others by the unit or a dispatcher. */
public enum UnitStatus {
    AVAILABLE, DISPATCHED, EN_ROUTE, ON_SCENE, OUT_OF_SERVICE;

    boolean isBusy() {
        return this == DISPATCHED || this == EN_ROUTE || this == ON_SCENE;
    }
}

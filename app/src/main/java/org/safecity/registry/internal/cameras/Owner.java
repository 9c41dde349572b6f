package org.safecity.registry.internal.cameras;

/** Whose camera it is: the Authority's own, or a commercial premises' connected under the Act. */
public enum Owner {
    AUTHORITY, PREMISES
}

package org.safecity.registry.internal;

/** Whose camera it is: the Authority's own, or a commercial premises' connected under the Act. */
enum Owner {
    AUTHORITY, PREMISES
}

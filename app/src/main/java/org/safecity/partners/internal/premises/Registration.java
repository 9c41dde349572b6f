package org.safecity.partners.internal.premises;

/** Where a premises stands with the Authority's register. */
public enum Registration {
    /** Known to the Authority (a survey, a licence list) but not registered by anyone for it. */
    LISTED,
    /** Its manager applied through the partner portal; the Authority has not yet decided. */
    APPLIED,
    /** Registered by the Authority, or its application approved. */
    REGISTERED,
    /** Its application was refused; it is again as if never registered. */
    REFUSED
}

package org.safecity.registry.internal;

/** Who may use the registry's endpoints, as {@code @PreAuthorize} expressions. */
public final class Access {

    /** Everyone who works with the camera network; a partner sees only its own cameras. */
    public static final String READ_NETWORK =
        "hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','PARTNER')";
    /** The rollout plan is the Authority's; partners do not see it. */
    public static final String READ_ROLLOUT = "hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER')";
    public static final String CHANGE_NETWORK = "hasRole('ADMIN')";

    private Access() {
    }
}

package org.safecity.identity;

/** The roles of ARCHITECTURE.md; a person may hold several. */
public enum Role {
    /** Authority admin: cities, phases, sites, cameras, users, hotlists, fine schedule, retention. */
    ADMIN,
    /** Command and Control operator: map, alerts, video, incidents. */
    OPERATOR,
    DISPATCHER,
    FIELD_UNIT,
    TRAFFIC_REVIEWER,
    INVESTIGATOR,
    /** Supervisor or analyst: dashboards and KPIs. */
    SUPERVISOR,
    /** A commercial premises under the Act: sees only its own cameras. */
    PARTNER,
    /**
     * The Authority's compliance staff, office and field alike: keeps the register of commercial
     * premises, approves registrations, records inspections and decides notices and penalties.
     */
    COMPLIANCE_OFFICER,
    /** Reads the audit trail and nothing else. */
    AUDITOR,
    /** A machine: camera, edge analytics box or NVR, authenticated by a device key. */
    DEVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}

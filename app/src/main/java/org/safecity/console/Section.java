package org.safecity.console;

import java.util.EnumSet;
import java.util.Set;
import org.safecity.identity.Role;

/**
 * The places of the console, in the order the navigation bar shows them, and who may open each.
 * A page's {@code @PreAuthorize} admits exactly these roles, so the bar never offers a door that
 * is locked; later modules' pages (alerts, incidents, challans, evidence) are added here.
 */
enum Section {

    MAP("Operations map", "/map", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR,
        Role.INVESTIGATOR, Role.TRAFFIC_REVIEWER, Role.PARTNER)),
    /** The rollout plan is the Authority's own: a commercial partner does not see it. */
    ROLLOUT("Rollout", "/rollout", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR,
        Role.INVESTIGATOR, Role.TRAFFIC_REVIEWER)),
    /** Dispatchers see the feed's escalated alerts only. */
    ALERTS("Alerts", "/alerts", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.SUPERVISOR, Role.DISPATCHER)),
    INCIDENTS("Incidents", "/incidents", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR)),
    NEW_CALL("New call", "/incidents/new", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR)),
    VIDEO("Video wall", "/video", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.INVESTIGATOR)),
    /** The reads of SafeCity's own cameras' analysis, to check and correct; a camera's analytics settings are reached from here. */
    PLATE_READS("Plate reads", "/vision/reads", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.INVESTIGATOR, Role.TRAFFIC_REVIEWER,
        Role.ADMIN)),
    VEHICLES("Vehicle search", "/vehicles", EnumSet.of(Role.ADMIN, Role.INVESTIGATOR, Role.SUPERVISOR, Role.OPERATOR)),
    /** Those who keep entries; operators only meet the lists through their alerts. */
    WATCHLISTS("Watchlists", "/watchlists", EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.INVESTIGATOR)),
    FIGURES("Response figures", "/figures", EnumSet.of(Role.ADMIN, Role.DISPATCHER, Role.SUPERVISOR)),
    /** Case evidence is for the case team and supervisors; administrators run the store but do not read cases. */
    EVIDENCE("Evidence", "/evidence", EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR)),
    CHALLAN_REVIEW("Challan review", "/challans/review", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN)),
    /** Investigators search challans (a vehicle's history) but neither review nor adjudicate. */
    CHALLANS("Challans", "/challans", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN, Role.INVESTIGATOR)),
    CONTESTS("Contests", "/challans/contests", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN)),
    TRAFFIC_REPORTS("Traffic reports", "/challans/reports", EnumSet.of(Role.SUPERVISOR, Role.ADMIN, Role.TRAFFIC_REVIEWER)),
    ACCOUNTS("Accounts", "/admin/accounts", EnumSet.of(Role.ADMIN)),
    DEVICES("Device keys", "/admin/devices", EnumSet.of(Role.ADMIN)),
    /** Units are put on the roster and crewed by administrators and supervisors, as the units API admits. */
    UNITS("Units", "/admin/units", EnumSet.of(Role.ADMIN, Role.SUPERVISOR)),
    /** A premises' manager adds its own cameras. */
    PREMISES_CAMERAS("My cameras", "/premises/cameras", EnumSet.of(Role.PARTNER)),
    COMPLIANCE("Premises compliance", "/compliance", EnumSet.of(Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.SUPERVISOR));

    private final String label;
    private final String path;
    private final Set<Role> roles;

    Section(String label, String path, Set<Role> roles) {
        this.label = label;
        this.path = path;
        this.roles = Set.copyOf(roles);
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    public Set<Role> roles() {
        return roles;
    }

    boolean openTo(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }
}

package org.safecity.emergency.internal.incidents;

/** How an incident reached the Command and Control Center. */
public enum IncidentSource {
    CALL, PANIC_BUTTON, ALERT, EIDO
}

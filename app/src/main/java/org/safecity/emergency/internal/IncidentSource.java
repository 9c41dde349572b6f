package org.safecity.emergency.internal;

/** How an incident reached the Command and Control Center. */
enum IncidentSource {
    CALL, PANIC_BUTTON, ALERT, EIDO
}

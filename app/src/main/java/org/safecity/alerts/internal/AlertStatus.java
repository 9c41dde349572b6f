package org.safecity.alerts.internal;

/** Where an alert stands. DISMISSED and CLOSED are final. */
enum AlertStatus {
    NEW, ACKNOWLEDGED, ESCALATED, DISMISSED, CLOSED;

    boolean open() {
        return this == NEW || this == ACKNOWLEDGED || this == ESCALATED;
    }
}

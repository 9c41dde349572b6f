package org.safecity.alerts;

/** How urgent an alert is: how soon someone must acknowledge it before it is escalated. */
public enum AlertPriority {
    HIGH, MEDIUM, LOW
}

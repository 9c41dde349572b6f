package org.safecity.emergency.internal.incidents;

/** P1 is life in danger now; P4 can wait. Response targets are set per priority. */
public enum Priority {
    P1, P2, P3, P4
}

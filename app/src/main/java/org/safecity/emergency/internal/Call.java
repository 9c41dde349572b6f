package org.safecity.emergency.internal;

import java.time.Instant;

/** A call about an incident; the caller's name and number are personal data (reads are audited). */
record Call(long id, long incidentId, String callerName, String callerNumber, Instant receivedAt, String takenBy) {
}

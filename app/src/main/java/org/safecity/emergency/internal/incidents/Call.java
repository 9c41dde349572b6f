package org.safecity.emergency.internal.incidents;

import java.time.Instant;

/** A call about an incident; the caller's name and number are personal data (reads are audited). */
public record Call(long id, long incidentId, String callerName, String callerNumber, Instant receivedAt, String takenBy) {
}

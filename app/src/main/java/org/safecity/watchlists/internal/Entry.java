package org.safecity.watchlists.internal;

import java.time.Instant;

/** One listed vehicle (plate) or person (CNIC, name, face embedding) and why it is listed. */
record Entry(long id, long listId, String plate, String plateAsWritten, String cnic, String personName, float[] embedding,
             String faceModel, String reason, Instant expiresAt, String addedBy, Instant createdAt) {

    boolean activeAt(Instant at) {
        return expiresAt == null || at.isBefore(expiresAt);
    }
}

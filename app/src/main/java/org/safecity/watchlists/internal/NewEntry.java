package org.safecity.watchlists.internal;

import java.time.Instant;

/** An entry about to be added, checked against its list's kind. */
record NewEntry(String plate, String plateAsWritten, String cnic, String personName, float[] embedding, String faceModel,
                String reason, Instant expiresAt) {
}

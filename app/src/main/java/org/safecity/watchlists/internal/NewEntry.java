package org.safecity.watchlists.internal;

import java.time.Instant;

/** An entry about to be added, checked against its list's kind. */
record NewEntry(String plate, String plateAsWritten, String cnic, String personName, float[] embedding, String faceModel,
                String reason, Instant expiresAt) {

    /**
     * What names the entry on its list, at most once: a vehicle's plate or a person's CNIC (13 digits, so
     * never a plate, which has at most 12 characters); null for a person known only by name or face.
     */
    String identity() {
        return plate != null ? plate : cnic;
    }

    /** The identity as a person reads it in a message: "plate LEB12345" or "CNIC 1730112345671". */
    String named() {
        return plate != null ? "plate " + plate : "CNIC " + cnic;
    }
}

package org.safecity.detections.internal;

/** The writer cannot take the batch now (queue full, or the database did not commit in time); nothing was stored. */
class IntakeBusy extends RuntimeException {

    IntakeBusy(String message) {
        super(message);
    }

    IntakeBusy(String message, Throwable cause) {
        super(message, cause);
    }
}

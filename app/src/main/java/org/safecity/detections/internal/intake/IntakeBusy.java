package org.safecity.detections.internal.intake;

/** The writer cannot take the batch now (queue full, or the database did not commit in time); nothing was stored. */
public class IntakeBusy extends RuntimeException {

    public IntakeBusy(String message) {
        super(message);
    }

    public IntakeBusy(String message, Throwable cause) {
        super(message, cause);
    }
}

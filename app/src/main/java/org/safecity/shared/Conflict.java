package org.safecity.shared;

/** The request is valid but cannot be done in the record's present state (e.g. retiring twice). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}

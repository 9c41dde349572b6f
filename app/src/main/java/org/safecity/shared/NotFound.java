package org.safecity.shared;

/** The record asked for does not exist, or is outside what the caller may see. */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super("No " + what + " with id " + id + ".");
    }
}

package org.safecity.identity;

import org.springframework.security.access.AccessDeniedException;

/** A write would reach beyond the caller's jurisdiction; answered 403 with this message. */
public class OutsideJurisdiction extends AccessDeniedException {

    public OutsideJurisdiction(String message) {
        super(message);
    }
}

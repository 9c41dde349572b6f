package org.safecity.emergency;

import java.time.Instant;
import java.util.List;

/** The panic buttons that belong to a premises, for its own pages; keys are never shown again. */
public interface PanicButtonsOfPremises {

    /** @param revokedAt null while the button's key works */
    record PanicButtonSummary(long id, String address, Instant createdAt, Instant revokedAt) {
    }

    /** The premises' buttons, oldest first, revoked ones included. */
    List<PanicButtonSummary> of(long premisesId);
}

package org.safecity.anchors;

import java.util.List;

/** Anchoring the logs, and comparing a log in the database with its newest anchor outside it. */
public interface Anchors {

    /**
     * Seals every log now and anchors each whose head moved since its last anchor; returns the
     * newest anchor of each log that has one. A log that could not be sealed is left for the next time.
     */
    List<Anchor> anchorNow();

    /** The newest anchor of one log, checked (signature, link, time-stamp) and compared with the database. */
    AnchorCheck check(String log);

    /**
     * What comparing a log with its newest anchor found.
     *
     * @param newest the newest anchor outside the database; null when the log was never anchored
     * @param problem what is wrong, in words; null when the log still reaches the anchor
     */
    record AnchorCheck(Anchor newest, String problem) {
        public boolean intact() {
            return problem == null;
        }
    }
}

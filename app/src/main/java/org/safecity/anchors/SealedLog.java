package org.safecity.anchors;

import java.util.Optional;

/**
 * A hash-chained, append-only log in the database whose head is anchored outside it. The module
 * that owns the log implements this; anchoring calls {@link #seal()} every interval and on demand,
 * and verification asks {@link #missing} whether the log still reaches the newest anchored head.
 */
public interface SealedLog {

    /** A short name, used in file names and reports: {@code audit}, {@code custody}. */
    String name();

    /** Where the log ends now, sealing it first if the log keeps seals of its own; empty while the log is empty. */
    Optional<LogHead> seal();

    /**
     * Whether the log in the database still reaches a head anchored earlier: empty if it does,
     * otherwise what no longer reaches it, in words a person can act on (e.g. "entries 41 to 43 are missing").
     */
    Optional<String> missing(LogHead anchored);
}

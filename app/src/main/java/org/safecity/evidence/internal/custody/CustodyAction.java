package org.safecity.evidence.internal.custody;

/** What can happen to an item; each is one custody entry, named in the log as {@link #label()}. */
public enum CustodyAction {
    CREATED, VIEWED, DOWNLOADED, EXPORTED, HANDED_OVER, LEGAL_HOLD_SET, LEGAL_HOLD_LIFTED, DISPOSED,
    /** The item's content or custody chain failed verification when it was served or exported. */
    INTEGRITY_FAILED;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

package org.safecity.detections.internal.intake;

import java.util.List;

/** What became of a batch: stored, already stored before, or refused item by item. */
record IntakeOutcome(int accepted, int duplicates, List<Rejection> rejected) {

    /** An item that was not stored, by its position in the batch (0-based) and why. */
    record Rejection(int index, String reason) {
    }
}

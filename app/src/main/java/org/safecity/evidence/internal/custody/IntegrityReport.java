package org.safecity.evidence.internal.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an integrity check found. {@code intact} only when there is no problem; each problem names
 * the item, custody entry or checkpoint that is wrong and how.
 *
 * @param unsealedEntries custody entries written since the latest checkpoint (not yet signed; not a problem)
 */
public record IntegrityReport(boolean intact, Instant checkedAt, int itemsChecked, long entriesChecked, int checkpointsChecked,
                       long unsealedEntries, List<Problem> problems) {

    /** One thing that is wrong; {@code itemId}, {@code entrySeq} and {@code checkpointSeq} say where, when they apply. */
    public record Problem(UUID itemId, Integer entrySeq, Long checkpointSeq, String problem) {
    }
}

package org.safecity.video;

import java.time.Instant;
import org.safecity.shared.GeoPoint;

/**
 * Keeps recorded footage from retention: whatever overlaps a hold is not deleted while the hold stands.
 * For modules that know when and where something happened (an incident) but not which cameras saw it.
 */
public interface FootageHolds {

    /**
     * Holds the footage around {@code at} (from {@code safecity.video.incident-hold-before} before to
     * {@code incident-hold-after} after) of every camera within {@code incident-hold-radius} of {@code point}.
     * Repeating the call with the same {@code reference} adds nothing. Answers how many cameras' footage it held.
     *
     * @param reference what the hold is for, e.g. {@code incident:42}
     */
    int holdAround(GeoPoint point, Instant at, String reference, String reason);
}

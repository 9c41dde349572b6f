package org.safecity.watchlists;

import java.time.Instant;
import org.safecity.shared.Placement;

/**
 * A detection matched a watchlist entry.
 *
 * @param placement where the detection was made, as it carried it from the intake
 * @param plateRead the plate as the camera read it, for a plate match
 * @param score 1.0 for an exact plate; lower for a tolerant plate match; the cosine similarity for a face
 * @param receivedAt when the detection reached SafeCity, to measure detection-to-alert latency
 */
public record WatchlistHit(Hotlist list, Entry entry, long sightingId, Placement placement, Instant observedAt, Instant receivedAt,
                           String plateRead, MatchedBy matchedBy, double score) {

    /**
     * The list that matched.
     *
     * @param cityCode the city whose list it is, null for a province-wide list
     */
    public record Hotlist(long id, String name, ListType type, Priority priority, String cityCode) {
    }

    /**
     * The entry that matched.
     *
     * @param plate the listed plate (normalised) for a vehicle entry, else null
     */
    public record Entry(long id, String reason, String plate, String personName, String cnic) {
    }

    /** What a list holds. */
    public enum ListType { STOLEN_VEHICLE, WANTED_VEHICLE, UNPAID_CHALLANS, WANTED_PERSON, CUSTOM }

    /** How urgent a list's hits are. */
    public enum Priority { HIGH, MEDIUM, LOW }

    /** How the detection matched: the plate exactly, tolerantly (confusable characters, one missing or extra), or a face. */
    public enum MatchedBy { EXACT, FUZZY, FACE }
}

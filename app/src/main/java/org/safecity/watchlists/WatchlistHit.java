package org.safecity.watchlists;

import java.time.Instant;

/**
 * A detection matched a watchlist entry.
 *
 * @param listCityCode the city whose list it is, null for a province-wide list
 * @param plate the listed plate (normalised) for a vehicle entry, else null
 * @param plateRead the plate as the camera read it, for a plate match
 * @param matchedBy {@code EXACT}, {@code FUZZY} (confusable characters or one missing or extra) or {@code FACE}
 * @param score 1.0 for an exact plate; lower for a tolerant plate match; the cosine similarity for a face
 * @param receivedAt when the detection reached SafeCity, to measure detection-to-alert latency
 */
public record WatchlistHit(long listId, String listName, String listType, String priority, String listCityCode,
                           long entryId, String entryReason, String plate, String personName, String cnic,
                           long sightingId, long cameraId, Instant observedAt, Instant receivedAt, String plateRead,
                           String matchedBy, double score) {
}

package org.safecity.detections;

import java.time.Instant;
import java.util.List;

/**
 * The latest sightings of a plate, for another module's profile of a vehicle. A caller may rely on:
 * only sightings in the signed-in person's jurisdiction, newest first, within the last {@code days}
 * days (at most 31), at most {@code limit}; the caller audits what it shows, with its purpose.
 */
public interface LatestSightings {

    List<SightingSummary> of(String normalisedPlate, int days, int limit);

    record SightingSummary(long id, long cameraId, Instant observedAt, String plateRead, String cityCode, Double lat, Double lon) {
    }
}

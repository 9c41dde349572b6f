package org.safecity.detections;

import java.time.Instant;
import java.util.Optional;

/**
 * The picture a stored sighting carries, for a module that shows what raised something (an alert's
 * thumbnail). A plate's crop comes first, then the picture of the whole scene. The caller decides who
 * may see it and audits the reading.
 */
public interface SightingPictures {

    /**
     * @param observedAt the sighting's time (sightings are kept by day: it finds the day without a search)
     * @return empty when no such sighting is kept or it carries no picture
     */
    Optional<SightingPicture> of(long sightingId, Instant observedAt);

    /** Where a sighting's picture is. */
    sealed interface SightingPicture {

        /** An image the device sent inside the detection: {@code field} is its name ({@code plateImage}, {@code image}, {@code sceneImage}). */
        record Sent(long cameraId, String field, String mediaType, byte[] bytes) implements SightingPicture {
        }

        /** A crop kept by SafeCity's own vision, named by its path ({@code crop.path} of the read), read through vision's crops. */
        record VisionCrop(long cameraId, String path) implements SightingPicture {
        }
    }
}

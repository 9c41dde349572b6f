package org.safecity.detections;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The intake for detections SafeCity finds itself (vision), in process. Each item is read and checked
 * exactly as a device's item over HTTP or MQTT (it is turned into the same JSON and read by the same
 * code), then stored by the same group-committing writer: the same durability, idempotency by
 * {@code eventId}, retention, search, watchlist matching, alerting and traffic rules. Nothing reaches the
 * database another way.
 */
public interface DetectionIntake {

    /**
     * Stores the valid items durably before returning; an item whose {@code eventId} (with its kind and
     * time) this device reported before is counted as a duplicate and stored nothing. Blocks at most
     * {@code safecity.detections.ack-timeout}.
     *
     * @param deviceId the registry device the sightings are recorded under (for vision:
     *                 {@link org.safecity.registry.OwnDevices#deviceNamed})
     * @throws Busy when the items were not confirmed stored in time: resubmit them unchanged
     */
    Outcome submit(long deviceId, List<Item> items);

    /** What became of the items: stored, stored before, or refused (by position in the list, with why). */
    record Outcome(int accepted, int duplicates, List<Rejection> rejected) {
    }

    record Rejection(int index, String reason) {
    }

    /** The intake could not confirm the items stored in time; some may be stored, a resubmission stores the rest once. */
    final class Busy extends RuntimeException {
        public Busy(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One detection. {@code more} holds the kind's further fields as a device would send them in the
     * kind's object (e.g. {@code box}, {@code vehicleType}, {@code direction}, {@code image}); they are kept
     * in the sighting's details.
     */
    sealed interface Item {
        String eventId();

        long cameraId();

        Instant observedAt();

        Map<String, Object> more();
    }

    /** A plate read; {@code text} as read (it is normalised by the intake). */
    record PlateItem(String eventId, long cameraId, Instant observedAt, String text, double confidence, Map<String, Object> more)
        implements Item {
    }

    /** A face with its embedding, matched against the face watchlists of the same model. */
    record FaceItem(String eventId, long cameraId, Instant observedAt, float[] embedding, String model, double confidence,
                    Map<String, Object> more) implements Item {
    }

    /** A video analytic event ({@code crowd}, {@code loitering}, {@code line_crossing}, {@code wrong_way}, ...). */
    record AnalyticItem(String eventId, long cameraId, Instant observedAt, String type, Double confidence, Map<String, Object> more)
        implements Item {
    }

    /** A classified object: {@code person}, {@code car}, {@code motorcycle}, {@code bus}, {@code truck}, ... */
    record ObjectItem(String eventId, long cameraId, Instant observedAt, String objectClass, double confidence,
                      Map<String, Object> more) implements Item {
    }
}

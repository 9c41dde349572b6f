package org.safecity.detections;

import java.time.Instant;
import org.safecity.shared.Placement;

/**
 * One detection as stored, for the modules that react to it (watchlists, traffic, alerts): a plain
 * value, everything in it worked out once at intake.
 *
 * @param placement where the camera stood when the detection was stored: its site, city, police station
 *                  area and point, as the sighting records them
 * @param plate the normalised plate for {@code PLATE} items, else null
 * @param embedding the face embedding for {@code FACE} items, else null
 * @param analytic the analytic type ({@code fire}, {@code crowd}, ...) for {@code ANALYTIC} items, else null
 * @param receivedAt when SafeCity received the batch, to measure detection-to-alert latency
 * @param measurements what the item measured and brought (speed, direction, vehicle type, signal phase, images),
 *                     read once at intake; {@link Measurements#NONE} when nothing
 */
public record AcceptedDetection(long sightingId, long deviceId, String eventId, Placement placement, DetectionKind kind,
                                Instant observedAt, Instant receivedAt, String plate, String plateAsRead, Double confidence,
                                float[] embedding, String faceModel, String analytic, Measurements measurements) {

    /** The camera that saw it. */
    public long cameraId() {
        return placement.cameraId();
    }
}

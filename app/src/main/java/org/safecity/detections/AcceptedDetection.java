package org.safecity.detections;

import java.time.Instant;

/**
 * One detection as stored, for the modules that react to it (watchlists, later traffic).
 *
 * @param plate the normalised plate for {@code PLATE} items, else null
 * @param embedding the face embedding for {@code FACE} items, else null
 * @param analytic the analytic type ({@code fire}, {@code crowd}, ...) for {@code ANALYTIC} items, else null
 * @param receivedAt when SafeCity received the batch, to measure detection-to-alert latency
 * @param details the kind's own fields as the device sent them, as a JSON object (speed, direction,
 *                signal phase, vehicle type, images, ...), for modules that need more than the columns above
 */
public record AcceptedDetection(long sightingId, long deviceId, String eventId, long cameraId, DetectionKind kind,
                                Instant observedAt, Instant receivedAt, String plate, String plateAsRead, Double confidence,
                                float[] embedding, String faceModel, String analytic, String details) {
}

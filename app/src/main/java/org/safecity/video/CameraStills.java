package org.safecity.video;

import java.time.Instant;
import java.util.Optional;

/**
 * What a recorded camera saw at a moment, as one JPEG, for showing what raised something (an alert's
 * thumbnail). From the recording that holds the moment, or, while that is still being written, from the
 * live segment that does. The caller decides who may see it and audits the reading.
 */
public interface CameraStills {

    /**
     * @param maxWidth the picture is scaled down to this width (64 to 1920), its aspect ratio kept
     * @return empty when no kept video holds the moment (not recorded, expired, or not yet written)
     */
    Optional<byte[]> at(long cameraId, Instant moment, int maxWidth);
}

package org.safecity.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safecity.shared.GeoPoint;

/**
 * The camera network as other modules see it. Lookups are not scoped by the caller's jurisdiction:
 * the calling module applies its own rules. Retired cameras are not found.
 */
public interface CameraDirectory {

    Optional<CameraSummary> find(long id);

    /** Cameras in service within {@code metres} of {@code point}, nearest first. */
    List<CameraSummary> near(GeoPoint point, double metres);

    /**
     * Records that the camera was heard from at {@code at} (a detection, a heartbeat, video): last-seen
     * moves forward and its presence is extended ({@link CameraPresence}); a PLANNED camera is found
     * INSTALLED. A FAULTY camera stays FAULTY until a person clears the fault.
     */
    void markSeen(long cameraId, Instant at);

    /**
     * Records that the camera stopped sending (no video for a while): it is OFFLINE from its last signal
     * on ({@link CameraPresence}). Its installation stays as it is.
     */
    void markSilent(long cameraId, Instant at);

    /**
     * Records that a periodic check at {@code at} found the camera's stream answering, for a camera nobody
     * pulls continuously (a view-only partner camera): it counts as heard from until {@code at + holdsFor}
     * unless a later check finds it silent ({@link #markSilent}), so checks {@code holdsFor} apart leave no gap.
     */
    void markChecked(long cameraId, Instant at, Duration holdsFor);

    /** The stream addresses of a camera in service, for the module that pulls its video. */
    Optional<CameraStreams> streams(long cameraId);

    /** The stream addresses of every installed camera in service whose video the Authority records, by id. */
    List<CameraStreams> streams();

    /** The stream credentials of a camera, decrypted, for the module that pulls its video. */
    Optional<StreamCredentials> streamCredentials(long cameraId);
}

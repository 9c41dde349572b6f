package org.safecity.detections.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraPlacementChanged;
import org.safecity.registry.CameraSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where each camera stands, held briefly in memory: every sighting needs its camera's city and
 * position, and asking the registry for each of 20,000 items a second would be the bottleneck.
 * A camera moved or retired through this instance is read again at once; through another, within
 * {@link #FRESH_FOR}.
 */
@Component
class CameraPlacements {

    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    private record Held(Optional<CameraSummary> camera, long loadedAtNanos) {
    }

    private final CameraDirectory directory;
    private final ConcurrentHashMap<Long, Held> held = new ConcurrentHashMap<>();
    /** Counts changes, so a read that raced one does not keep what it read before it. */
    private final AtomicLong changes = new AtomicLong();

    CameraPlacements(CameraDirectory directory) {
        this.directory = directory;
    }

    Optional<CameraSummary> find(long cameraId) {
        long now = System.nanoTime();
        Held entry = held.get(cameraId);
        if (entry == null || now - entry.loadedAtNanos() > FRESH_FOR.toNanos()) {
            long changesBefore = changes.get();
            entry = new Held(directory.find(cameraId), now);
            held.put(cameraId, entry);
            if (changes.get() != changesBefore) {
                held.remove(cameraId); // a change came between the read and now: it may be this camera's
            }
        }
        return entry.camera();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CameraPlacementChanged changed) {
        changes.incrementAndGet();
        if (changed.cameraId() == null) {
            held.clear();
        } else {
            held.remove(changed.cameraId());
        }
    }
}

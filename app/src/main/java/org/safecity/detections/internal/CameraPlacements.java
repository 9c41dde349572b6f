package org.safecity.detections.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraPlacementChanged;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where each camera stands, held briefly in memory: every sighting needs its camera's city and
 * position, and asking the registry for each of 20,000 items a second would be the bottleneck.
 * A camera moved or retired through this instance is read again at once; through another, within
 * {@link #FRESH_FOR}.
 */
@Component
public class CameraPlacements {

    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    /** The camera and its placement, made once per read rather than once per sighting. */
    private record Held(Optional<CameraSummary> camera, Optional<Placement> placement, long loadedAtNanos) {
    }

    private final CameraDirectory directory;
    private final ConcurrentHashMap<Long, Held> held = new ConcurrentHashMap<>();
    /** Counts changes, so a read that raced one does not keep what it read before it. */
    private final AtomicLong changes = new AtomicLong();

    CameraPlacements(CameraDirectory directory) {
        this.directory = directory;
    }

    public Optional<CameraSummary> find(long cameraId) {
        return held(cameraId).camera();
    }

    /** Where the camera in service stands now, as a sighting records it; empty when it is not in service. */
    public Optional<Placement> placement(long cameraId) {
        return held(cameraId).placement();
    }

    /** The placement a stored sighting recorded (its codes and point), with the camera's names as they are now. */
    public Placement placement(long cameraId, String cityCode, String zoneCode, GeoPoint point) {
        var camera = find(cameraId);
        return new Placement(cameraId, camera.map(CameraSummary::name).orElse(null), camera.map(CameraSummary::siteName).orElse(null),
            cityCode, zoneCode, point);
    }

    private Held held(long cameraId) {
        long now = System.nanoTime();
        Held entry = held.get(cameraId);
        if (entry == null || now - entry.loadedAtNanos() > FRESH_FOR.toNanos()) {
            long changesBefore = changes.get();
            var camera = directory.find(cameraId);
            entry = new Held(camera, camera.map(c -> new Placement(c.id(), c.name(), c.siteName(), c.cityCode(), c.zoneCode(),
                c.location())), now);
            held.put(cameraId, entry);
            if (changes.get() != changesBefore) {
                held.remove(cameraId); // a change came between the read and now: it may be this camera's
            }
        }
        return entry;
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

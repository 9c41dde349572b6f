package org.safecity.registry.internal.devices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.shared.BearerSecret;
import org.safecity.identity.Actor;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.DeviceKeyRevoked;
import org.safecity.identity.DeviceKeys;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.registry.internal.cameras.Camera;
import org.safecity.registry.internal.cameras.CameraStore;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator issues a key to a device (a camera, an edge box, an NVR) for the cameras it
 * reports for, and revokes it. The key is shown once; only its SHA-256 hash is kept. The identity
 * module asks this service to authenticate a presented key.
 */
@Service
class IssuingDeviceKeys implements DeviceKeys {

    static final String PREFIX = "scd_";

    private final DeviceStore devices;
    private final CameraStore cameras;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private static final BearerSecret KEYS = new BearerSecret(PREFIX);

    IssuingDeviceKeys(DeviceStore devices, CameraStore cameras, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.devices = devices;
        this.cameras = cameras;
        this.audit = audit;
        this.clock = clock;
    }

    record Issued(long id, String key) {
    }

    @Transactional
    Issued issue(String name, List<Long> cameraIds) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required, such as the device's label on site"));
        } else if (name.strip().length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        Set<Long> wanted = new LinkedHashSet<>();
        if (cameraIds == null || cameraIds.isEmpty()) {
            errors.add(new FieldError("cameraIds", "must list at least one camera the device reports for"));
        } else {
            for (Long id : cameraIds) {
                if (id == null) {
                    errors.add(new FieldError("cameraIds", "must not contain an empty id"));
                } else {
                    wanted.add(id);
                }
            }
            // A camera outside the caller's jurisdiction is not one it may name, as it is not one it may read.
            var known = new java.util.HashSet<>(cameras.inService(wanted));
            var unknown = wanted.stream()
                .filter(id -> !known.contains(id) || !cameras.find(id).map(c -> Reach.permits(place(c))).orElse(false))
                .toList();
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("cameraIds", "are not cameras in service: " + unknown));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String key = KEYS.issue();
        long id = devices.insert(name.strip(), BearerSecret.hash(key), clock.instant(), wanted);
        audit.record("registry.device-key-issued", "device", Long.toString(id), null,
            Map.of("name", name.strip(), "cameraIds", wanted.toString()));
        return new Issued(id, key);
    }

    /** The device, if the caller may manage it: every camera it reports for lies in the caller's jurisdiction. */
    DeviceStore.Device manageable(long id) {
        var device = devices.find(id).orElseThrow(() -> new NotFound("device", id));
        devices.places(id).forEach(place -> Reach.record("device", id, place));
        return device;
    }

    private static Jurisdiction place(Camera camera) {
        return camera.cityCode() == null ? Jurisdiction.PROVINCE : new Jurisdiction(camera.cityCode(), camera.zoneCode());
    }

    @Transactional
    void revoke(long id) {
        var device = manageable(id);
        if (device.revoked()) {
            throw new Conflict("Device " + id + " was already revoked at " + device.revokedAt() + ".");
        }
        devices.revoke(id, clock.instant());
        audit.record("registry.device-key-revoked", "device", Long.toString(id), null, Map.of("name", device.name()));
        events.publishEvent(new DeviceKeyRevoked("registry", id));
    }

    @Override
    public Optional<Actor.Machine> authenticate(String presentedKey) {
        if (!KEYS.isOfKind(presentedKey)) {
            return Optional.empty();
        }
        var device = devices.findActiveByKeyHash(BearerSecret.hash(presentedKey));
        device.ifPresent(d -> devices.used(d.id(), clock.instant()));
        return device.map(d -> new Actor.Machine(d.id(), d.name(), Set.copyOf(d.cameraIds())));
    }
}

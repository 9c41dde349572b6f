package org.safecity.registry.internal.devices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.registry.internal.Access;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Devices (cameras, edge boxes, NVRs) and their keys: issued once, shown once, revoked when lost.
 * A device lies where its cameras stand: an administrator manages the devices whose cameras are all
 * in its jurisdiction, and issues keys only for cameras there.
 */
@RestController
@Tag(name = "Devices", description = "Machine clients; a device authenticates with 'Authorization: Bearer <key>'")
class DeviceController {

    private final IssuingDeviceKeys issuing;
    private final DeviceStore devices;

    DeviceController(IssuingDeviceKeys issuing, DeviceStore devices) {
        this.issuing = issuing;
        this.devices = devices;
    }

    record NewDevice(String name, List<Long> cameraIds) {
    }

    /** The key appears in this answer only; SafeCity keeps its hash. */
    record IssuedKey(long id, String key) {
    }

    /** {@code lastUsedAt}: when the key was last presented (to the minute), null when never. */
    record DeviceView(long id, String name, Set<Long> cameraIds, Instant createdAt, Instant revokedAt, boolean revoked,
                      Instant lastUsedAt) {
        static DeviceView of(DeviceStore.Device d) {
            return new DeviceView(d.id(), d.name(), d.cameraIds(), d.createdAt(), d.revokedAt(), d.revoked(), d.lastUsedAt());
        }
    }

    @PostMapping("/api/v1/devices")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Register a device for some cameras and issue its key (shown only in this answer)")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<IssuedKey> create(@RequestBody NewDevice request) {
        var issued = issuing.issue(request.name(), request.cameraIds());
        return ResponseEntity.created(URI.create("/api/v1/devices/" + issued.id())).body(new IssuedKey(issued.id(), issued.key()));
    }

    @GetMapping("/api/v1/devices")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Operation(summary = "List devices (never their keys)")
    PageOf<DeviceView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = PageRequest.of(page, size);
        var scope = CurrentActor.jurisdiction();
        return new PageOf<>(devices.list(scope, request.size(), request.offset()).stream().map(DeviceView::of).toList(),
            request.page(), request.size(), devices.count(scope));
    }

    @GetMapping("/api/v1/devices/{id}")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Operation(summary = "One device (never its key)")
    DeviceView get(@PathVariable long id) {
        return DeviceView.of(issuing.manageable(id));
    }

    @DeleteMapping("/api/v1/devices/{id}")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Revoke a device's key at once; the device's record stays")
    DeviceView revoke(@PathVariable long id) {
        issuing.revoke(id);
        return get(id);
    }
}

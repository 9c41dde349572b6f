package org.safecity.registry.internal.cameras;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.CameraPlacementChanged;
import org.safecity.registry.CameraRetired;
import org.safecity.registry.CameraInstallationChanged;
import org.safecity.registry.internal.NetworkReference;
import org.safecity.registry.internal.Visibility;
import org.safecity.shared.Conflict;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator registers a camera at a site, changes it (its status among other things), or
 * retires it. Stream credentials are encrypted before they reach the database.
 */
@Service
class RegisteringCameras {

    private final CameraStore cameras;
    private final NetworkReference reference;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisteringCameras(CameraStore cameras, NetworkReference reference, CredentialCipher cipher, AuditTrail audit,
                       ApplicationEventPublisher events, Clock clock) {
        this.cameras = cameras;
        this.reference = reference;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A camera the caller may see, retired or not; anything else is not found. */
    Camera visible(long id, Visibility visibility) {
        var camera = cameras.find(id).orElseThrow(() -> new NotFound("camera", id));
        if (!visibility.covers(camera.cityCode(), camera.zoneCode())
            || visibility.isPartner() && !visibility.partnerId().equals(camera.partnerId())) {
            throw new NotFound("camera", id);
        }
        return camera;
    }

    @Transactional
    long register(CameraInput input, Visibility visibility) {
        var draft = CameraRules.check(input, reference.snapshot(), null, visibility, LocalDate.now(clock)).orThrow();
        long id = cameras.insert(draft, draft.credentials() == null ? null : cipher.encrypt(draft.credentials()));
        audit.record("registry.camera-registered", "camera", Long.toString(id), null, details(draft));
        return id;
    }

    @Transactional
    void change(long id, CameraInput input, Visibility visibility) {
        var existing = visible(id, visibility);
        if (existing.retired()) {
            throw new Conflict("Camera " + id + " is retired and can no longer be changed.");
        }
        var draft = CameraRules.check(input, reference.snapshot(), existing, visibility, LocalDate.now(clock)).orThrow();
        cameras.update(id, draft, draft.credentials() == null ? null : cipher.encrypt(draft.credentials()));
        var details = details(draft);
        details.put("credentials", draft.clearCredentials() ? "removed" : draft.credentials() != null ? "replaced" : "kept");
        audit.record("registry.camera-changed", "camera", Long.toString(id), null, details);
        if (draft.status() != existing.installation()) {
            events.publishEvent(new CameraInstallationChanged(id, existing.installation(), draft.status(), clock.instant()));
        }
        events.publishEvent(new CameraPlacementChanged(id));
    }

    @Transactional
    void retire(long id, String reason, Visibility visibility) {
        var existing = visible(id, visibility);
        if (existing.retired()) {
            throw new Conflict("Camera " + id + " is already retired.");
        }
        var at = clock.instant();
        cameras.retire(id, at, reason);
        audit.record("registry.camera-retired", "camera", Long.toString(id), reason, Map.of("name", existing.name()));
        events.publishEvent(new CameraRetired(id, reason, at));
        events.publishEvent(new CameraPlacementChanged(id));
    }

    private static Map<String, Object> details(CameraDraft d) {
        var details = new LinkedHashMap<String, Object>();
        details.put("name", d.name());
        details.put("siteId", d.siteId());
        details.put("type", d.type().name());
        details.put("status", d.status().name());
        details.put("owner", d.owner().name());
        if (d.partnerId() != null) {
            details.put("partnerId", d.partnerId());
        }
        return details;
    }
}

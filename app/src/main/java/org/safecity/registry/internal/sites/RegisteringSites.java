package org.safecity.registry.internal.sites;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.CameraPlacementChanged;
import org.safecity.registry.internal.NetworkReference;
import org.safecity.registry.internal.Visibility;
import org.safecity.shared.Conflict;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator registers a site, changes it (including moving it forward in the rollout), or retires it. */
@Service
class RegisteringSites {

    private final SiteStore sites;
    private final NetworkReference reference;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegisteringSites(SiteStore sites, NetworkReference reference, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.sites = sites;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A site the caller may see, retired or not; anything else is not found. */
    SiteStore.Listed visible(long id, Visibility visibility) {
        var found = sites.find(id).orElseThrow(() -> new NotFound("site", id));
        var site = found.site();
        if (!visibility.covers(site.cityCode(), site.zoneCode())
            || visibility.isPartner() && !sites.hasCameraOf(id, visibility.partnerId())) {
            throw new NotFound("site", id);
        }
        return found;
    }

    @Transactional
    long register(SiteInput input, Visibility visibility) {
        var draft = SiteRules.check(input, reference.snapshot(), null, visibility, today()).orThrow();
        long id = sites.insert(draft);
        audit.record("registry.site-registered", "site", Long.toString(id), null, details(draft));
        return id;
    }

    @Transactional
    void change(long id, SiteInput input, Visibility visibility) {
        var existing = visible(id, visibility).site();
        if (existing.retired()) {
            throw new Conflict("Site " + id + " is retired and can no longer be changed.");
        }
        var draft = SiteRules.check(input, reference.snapshot(), existing, visibility, today()).orThrow();
        sites.update(id, draft);
        var details = details(draft);
        if (draft.status() != existing.status()) {
            details.put("statusFrom", existing.status().name());
        }
        audit.record("registry.site-changed", "site", Long.toString(id), null, details);
        events.publishEvent(new CameraPlacementChanged(null)); // its cameras stand where the site now is
    }

    @Transactional
    void retire(long id, String reason, Visibility visibility) {
        var listed = visible(id, visibility);
        var existing = listed.site();
        if (existing.retired()) {
            throw new Conflict("Site " + id + " is already retired.");
        }
        if (listed.cameras() > 0) {
            throw new Conflict("Site " + id + " still has " + listed.cameras() + " cameras in service; retire or move them first.");
        }
        sites.retire(id, clock.instant(), reason);
        audit.record("registry.site-retired", "site", Long.toString(id), reason, Map.of("name", existing.name()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Map<String, Object> details(SiteDraft d) {
        var details = new LinkedHashMap<String, Object>();
        details.put("name", d.name());
        details.put("city", d.cityCode());
        details.put("phase", d.phase());
        details.put("status", d.status().name());
        return details;
    }
}

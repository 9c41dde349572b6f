package org.safecity.registry.internal.places;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.internal.Visibility;
import org.safecity.registry.internal.sites.SiteRules;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator divides a city into zones, one per police station, renames them, or retires one. */
@Service
class DrawingZones {

    private final ZoneStore zones;
    private final CityStore cities;
    private final AuditTrail audit;
    private final Clock clock;

    DrawingZones(ZoneStore zones, CityStore cities, AuditTrail audit, Clock clock) {
        this.zones = zones;
        this.cities = cities;
        this.audit = audit;
        this.clock = clock;
    }

    /** A zone as sent: the city and code identify it and cannot change afterwards. */
    record ZoneInput(String city, String code, String name, Double lat, Double lon) {
    }

    Zone visible(long id, Visibility visibility) {
        var zone = zones.find(id).orElseThrow(() -> new NotFound("zone", id));
        if (!visibility.covers(zone.cityCode(), zone.code())) {
            throw new NotFound("zone", id);
        }
        return zone;
    }

    @Transactional
    long draw(ZoneInput in, Visibility visibility) {
        List<FieldError> errors = new ArrayList<>();
        City city = null;
        if (in.city() == null || in.city().isBlank()) {
            errors.add(new FieldError("city", "is required: a city code such as PSH"));
        } else {
            city = cities.findByCodeOrName(in.city()).orElse(null);
            if (city == null) {
                errors.add(new FieldError("city", "is not a known city: '" + in.city().strip() + "'"));
            }
        }
        String code = in.code() == null ? "" : in.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9-]{2,12}")) {
            errors.add(new FieldError("code", "must be 2 to 12 letters, digits or dashes"));
        }
        checkNameAndCentre(in, errors);
        if (city != null && !visibility.covers(city.code(), null)) {
            errors.add(new FieldError("city", "is outside your jurisdiction (" + visibility.jurisdiction() + ")"));
        }
        if (city != null && errors.isEmpty() && zones.find(city.code(), code).isPresent()) {
            errors.add(new FieldError("code", "is already used by a zone of " + city.name()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = zones.insert(city.code(), code, in.name().strip(), in.lat(), in.lon());
        audit.record("registry.zone-drawn", "zone", Long.toString(id), null, Map.of("city", city.code(), "code", code));
        return id;
    }

    @Transactional
    void change(long id, ZoneInput in, Visibility visibility) {
        var existing = visible(id, visibility);
        if (existing.retired()) {
            throw new Conflict("Zone " + existing.code() + " is retired and can no longer be changed.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.city() != null && cities.findByCodeOrName(in.city()).filter(c -> c.code().equals(existing.cityCode())).isEmpty()) {
            errors.add(new FieldError("city", "cannot change; draw a new zone in the other city instead"));
        }
        if (in.code() != null && !in.code().strip().equalsIgnoreCase(existing.code())) {
            errors.add(new FieldError("code", "cannot change; sites and people's jurisdictions refer to it"));
        }
        checkNameAndCentre(in, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        zones.update(id, in.name().strip(), in.lat(), in.lon());
        audit.record("registry.zone-changed", "zone", Long.toString(id), null, Map.of("name", in.name().strip()));
    }

    @Transactional
    void retire(long id, String reason, Visibility visibility) {
        var existing = visible(id, visibility);
        if (existing.retired()) {
            throw new Conflict("Zone " + existing.code() + " is already retired.");
        }
        zones.retire(id, clock.instant(), reason);
        audit.record("registry.zone-retired", "zone", Long.toString(id), reason,
            Map.of("city", existing.cityCode(), "code", existing.code()));
    }

    private static void checkNameAndCentre(ZoneInput in, List<FieldError> errors) {
        if (in.name() == null || in.name().isBlank()) {
            errors.add(new FieldError("name", "is required, such as the police station's name"));
        } else if (in.name().strip().length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        if (in.lat() != null || in.lon() != null) {
            SiteRules.location(in.lat(), in.lon(), errors);
        }
    }
}

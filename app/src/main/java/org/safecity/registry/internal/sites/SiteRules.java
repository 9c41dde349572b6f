package org.safecity.registry.internal.sites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safecity.registry.internal.Checked;
import org.safecity.registry.internal.Choices;
import org.safecity.registry.internal.NetworkReference;
import org.safecity.registry.internal.Visibility;
import org.safecity.registry.internal.places.City;
import org.safecity.registry.internal.rollout.Phase;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput.FieldError;

/**
 * What makes a site acceptable: a name unique in its city, a known kind, a position on the map, a
 * zone of that city still in service, a phase that covers the city, and a status reached going forward.
 */
public final class SiteRules {

    private SiteRules() {
    }

    /**
     * @param existing the site being changed, or null for a new one
     * @param visibility whose jurisdiction the site must fall in
     */
    public static Checked<SiteDraft> check(SiteInput in, NetworkReference.Snapshot ref, Site existing, Visibility visibility,
                                    LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        SiteKind kind = null;
        if (in.kind() == null || in.kind().isBlank()) {
            errors.add(new FieldError("kind", "is required: one of " + SiteKind.choices()));
        } else {
            kind = SiteKind.parse(in.kind()).orElse(null);
            if (kind == null) {
                errors.add(new FieldError("kind", "must be one of " + SiteKind.choices() + ", got '" + in.kind().strip() + "'"));
            }
        }
        GeoPoint location = location(in.lat(), in.lon(), errors);
        City city = null;
        if (in.city() == null || in.city().isBlank()) {
            errors.add(new FieldError("city", "is required: a city code such as PSH"));
        } else {
            city = ref.city(in.city()).orElse(null);
            if (city == null) {
                errors.add(new FieldError("city", "is not a known city: '" + in.city().strip() + "'"));
            }
        }
        String zoneCode = in.zone() == null || in.zone().isBlank() ? null : in.zone().strip().toUpperCase(java.util.Locale.ROOT);
        if (city != null && zoneCode != null) {
            var zone = ref.zone(city.code(), zoneCode);
            if (zone.isEmpty()) {
                errors.add(new FieldError("zone", "is not a zone of " + city.name() + ": '" + zoneCode + "'"));
            } else if (zone.get().retired() && (existing == null || !zoneCode.equals(existing.zoneCode()))) {
                errors.add(new FieldError("zone", "is retired: " + zoneCode));
            }
        }
        if (city != null && !visibility.covers(city.code(), zoneCode)) {
            errors.add(new FieldError("city", "is outside your jurisdiction (" + visibility.jurisdiction() + ")"));
        }
        if (in.phase() == null) {
            errors.add(new FieldError("phase", "is required: the rollout phase number"));
        } else {
            Phase phase = ref.phases().get(in.phase());
            if (phase == null) {
                errors.add(new FieldError("phase", "is not a known phase: " + in.phase()));
            } else if (city != null && !phase.covers(city.code())) {
                errors.add(new FieldError("phase", "phase " + phase.number() + " does not cover " + city.name()));
            }
        }
        if (city != null && !name.isEmpty()) {
            String key = NetworkReference.nameKey(city.code(), name);
            var same = ref.site(city.code(), name);
            if (same.isPresent() && (existing == null || same.get().id() != existing.id())) {
                errors.add(new FieldError("name", "is already used by site " + same.get().id() + " in " + city.name()));
            } else if (existing == null && !ref.claimedNames().add(key)) {
                errors.add(new FieldError("name", "appears twice for " + city.name()));
            }
        }
        SiteStatus wanted = SiteStatus.PLANNED;
        if (in.status() != null && !in.status().isBlank()) {
            wanted = Choices.parse(SiteStatus.class, in.status()).orElse(null);
            if (wanted == null) {
                errors.add(new FieldError("status", "must be one of " + Choices.of(SiteStatus.class) + ", got '" + in.status().strip() + "'"));
            }
        } else if (existing != null) {
            wanted = existing.status();
        }
        LocalDate on = in.statusOn() == null ? today : in.statusOn();
        if (on.isAfter(today)) {
            errors.add(new FieldError("statusOn", "cannot be in the future"));
        }
        SiteProgressPolicy.Dates dates = existing == null ? SiteProgressPolicy.Dates.NONE : existing.dates();
        if (wanted != null) {
            SiteStatus from = existing == null ? SiteStatus.PLANNED : existing.status();
            switch (SiteProgressPolicy.decide(from, wanted, on, dates)) {
                case SiteProgressPolicy.Moved moved -> dates = moved.dates();
                case SiteProgressPolicy.Unchanged unchanged -> { }
                case SiteProgressPolicy.Refused refused -> errors.add(new FieldError("status", refused.reason()));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked.Invalid<>(errors);
        }
        return new Checked.Valid<>(new SiteDraft(name, kind, location, city.code(), zoneCode, in.phase(), wanted, dates));
    }

    public static GeoPoint location(Double lat, Double lon, List<FieldError> errors) {
        boolean ok = true;
        if (lat == null) {
            errors.add(new FieldError("lat", "is required"));
            ok = false;
        } else if (!(lat >= -90 && lat <= 90)) {
            errors.add(new FieldError("lat", "must be between -90 and 90"));
            ok = false;
        }
        if (lon == null) {
            errors.add(new FieldError("lon", "is required"));
            ok = false;
        } else if (!(lon >= -180 && lon <= 180)) {
            errors.add(new FieldError("lon", "must be between -180 and 180"));
            ok = false;
        }
        return ok ? new GeoPoint(lat, lon) : null;
    }
}

package org.safecity.registry.internal;

import java.time.Clock;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraPresence.Observed;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.cameras.CameraQuery;
import org.safecity.registry.internal.places.City;
import org.safecity.registry.internal.places.CityStore;
import org.safecity.registry.internal.sites.SiteKind;
import org.safecity.registry.internal.sites.SiteQuery;
import org.safecity.registry.internal.sites.SiteStatus;
import org.safecity.shared.BoundingBox;
import org.safecity.shared.InvalidInput;
import org.springframework.stereotype.Component;

/** Reads the list filters of the query string, answering a person's typo with what was expected. */
@Component
public class Filters {

    private final CityStore cities;
    private final Clock clock;

    Filters(CityStore cities, Clock clock) {
        this.cities = cities;
        this.clock = clock;
    }

    public String city(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return cities.findByCodeOrName(text).map(City::code)
            .orElseThrow(() -> new InvalidInput("city", "is not a known city code: '" + text.strip() + "'"));
    }

    static String zone(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Choices.parse(type, text).orElseThrow(() ->
            new InvalidInput(field, "must be one of " + Choices.of(type) + ", got '" + text.strip() + "'"));
    }

    static SiteKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return SiteKind.parse(text).orElseThrow(() ->
            new InvalidInput("kind", "must be one of " + SiteKind.choices() + ", got '" + text.strip() + "'"));
    }

    static BoundingBox bbox(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BoundingBox.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("bbox", e.getMessage());
        }
    }

    /** {@code status} is as observed (ONLINE, OFFLINE, UNKNOWN), {@code installation} as recorded (PLANNED, INSTALLED, FAULTY). */
    public CameraQuery cameras(String city, String zone, Integer phase, String status, String installation, String type, Long siteId,
                        String bbox, boolean includeRetired) {
        return new CameraQuery(city(city), zone(zone), phase, choice(Observed.class, "status", status),
            clock.instant().minus(CameraPresence.HEARD_WITHIN), choice(CameraInstallation.class, "installation", installation),
            choice(CameraType.class, "type", type), siteId, bbox(bbox), includeRetired);
    }

    public SiteQuery sites(String city, String zone, Integer phase, String status, String kind, String bbox, boolean includeRetired) {
        return new SiteQuery(city(city), zone(zone), phase, choice(SiteStatus.class, "status", status), kind(kind), bbox(bbox),
            includeRetired);
    }
}

package org.safecity.emergency.internal.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.safecity.emergency.TravelTimeEstimate;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.EmergencySettings;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.taxonomy.TaxonomyStore;
import org.safecity.emergency.internal.units.UnitStatus;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which units to send: the available units of the incident's city whose type answers its incident
 * type, with a known position, fastest first. Units whose position is stale (silent) come after
 * those heard from recently, since their estimate may be wrong.
 */
@Service
public class RecommendingUnits {

    private final IncidentStore incidents;
    private final UnitStore units;
    private final TaxonomyStore taxonomy;
    private final TravelTimeEstimate travelTime;
    private final EmergencySettings settings;
    private final Clock clock;

    RecommendingUnits(IncidentStore incidents, UnitStore units, TaxonomyStore taxonomy, TravelTimeEstimate travelTime,
                      EmergencySettings settings, Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.taxonomy = taxonomy;
        this.travelTime = travelTime;
        this.settings = settings;
        this.clock = clock;
    }

    public record Recommendation(long unitId, String callSign, UnitType type, String station, long etaSeconds,
                          long distanceMetres, boolean silent, GeoPoint position) {
    }

    @Transactional(readOnly = true)
    public List<Recommendation> recommend(long incidentId) {
        var incident = incidents.find(incidentId, CurrentActor.jurisdiction()).orElseThrow(() -> new NotFound("incident", incidentId));
        if (!incident.status().isOpen()) {
            return List.of();
        }
        var type = taxonomy.type(incident.type()).orElseThrow();
        Instant staleBefore = clock.instant().minus(settings.unitSilentAfter());
        return units.inCity(incident.cityCode()).stream()
            .filter(unit -> unit.status() == UnitStatus.AVAILABLE)
            .filter(unit -> type.answeredBy(unit.type()))
            .filter(unit -> unit.position() != null)
            .map(unit -> new Recommendation(unit.id(), unit.callSign(), unit.type(), unit.station(),
                travelTime.estimate(unit.type(), unit.position(), incident.location()).toSeconds(),
                Math.round(unit.position().metresTo(incident.location())),
                unit.lastSeen() == null || unit.lastSeen().isBefore(staleBefore), unit.position()))
            .sorted(Comparator.comparing(Recommendation::silent).thenComparingLong(Recommendation::etaSeconds))
            .toList();
    }
}

package org.safecity.emergency.internal.units;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.EmergencySettings;
import org.safecity.emergency.internal.dispatch.Assignment;
import org.safecity.shared.GeoPoint;
import org.springframework.stereotype.Component;

/** A unit as people and crews see it: with whether it has gone silent and the incident it is on. */
@Component
class UnitViews {

    private final UnitStore units;
    private final EmergencySettings settings;
    private final Clock clock;

    UnitViews(UnitStore units, EmergencySettings settings, Clock clock) {
        this.units = units;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code crew}: the ids of the field unit accounts that act for the unit. */
    record UnitView(long id, String callSign, UnitType type, String station, String cityCode, String zoneCode,
                    List<String> capabilities, UnitStatus status, GeoPoint position, Instant positionAt, Instant lastSeen,
                    boolean silent, Long incidentId, List<Long> crew) {
    }

    UnitView of(Unit u) {
        Instant staleBefore = clock.instant().minus(settings.unitSilentAfter());
        boolean silent = u.status() != UnitStatus.OUT_OF_SERVICE && (u.lastSeen() == null || u.lastSeen().isBefore(staleBefore));
        return new UnitView(u.id(), u.callSign(), u.type(), u.station(), u.cityCode(), u.zoneCode(), u.capabilities(), u.status(),
            u.position(), u.positionAt(), u.lastSeen(), silent,
            units.activeAssignment(u.id()).map(Assignment::incidentId).orElse(null), units.crew(u.id()));
    }
}

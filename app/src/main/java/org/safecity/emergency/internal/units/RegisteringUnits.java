package org.safecity.emergency.internal.units;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.UnitType;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.People;
import org.safecity.identity.Reach;
import org.safecity.identity.Role;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Putting a unit on the roster of a city, and naming the accounts that crew it. */
@Service
public class RegisteringUnits {

    private final UnitStore units;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    RegisteringUnits(UnitStore units, People people, AuditTrail audit, Clock clock) {
        this.units = units;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewUnit(String callSign, String type, String station, String cityCode, String zoneCode, List<String> capabilities) {
    }

    @Transactional
    public long register(NewUnit n, Jurisdiction scope) {
        List<FieldError> errors = new ArrayList<>();
        String callSign = n.callSign() == null ? null : n.callSign().strip();
        if (callSign == null || !callSign.matches("[A-Za-z0-9][A-Za-z0-9 ./-]{1,39}")) {
            errors.add(new FieldError("callSign", "is required: 2 to 40 letters, digits, spaces, dots, slashes or dashes, such as PSH-MOB-12"));
        } else if (units.callSignTaken(callSign)) {
            errors.add(new FieldError("callSign", "is already used by another unit"));
        }
        UnitType type = null;
        try {
            type = n.type() == null ? null : UnitType.valueOf(n.type().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (type == null) {
            errors.add(new FieldError("type", "must be one of POLICE_CAR, POLICE_MOTORCYCLE, AMBULANCE, FIRE_TENDER"));
        }
        String city = n.cityCode() == null || n.cityCode().isBlank() ? scope.cityCode() : n.cityCode().strip();
        String zone = n.zoneCode() == null || n.zoneCode().isBlank() ? scope.zoneCode() : n.zoneCode().strip();
        if (city == null) {
            errors.add(new FieldError("cityCode", "is required for a province-wide account: the city the unit serves, such as PSH"));
        } else if (!city.matches("[A-Z]{3}")) {
            errors.add(new FieldError("cityCode", "must be a city code such as PSH"));
        } else if (!scope.covers(city, zone)) {
            errors.add(new FieldError("cityCode", "is outside your jurisdiction (" + scope + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var capabilities = n.capabilities() == null ? List.<String>of()
            : n.capabilities().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        long id = units.insert(callSign, type, blankToNull(n.station()), city, zone, capabilities, clock.instant());
        audit.record("emergency.unit-registered", "unit", Long.toString(id), null, Map.of("callSign", callSign, "type", type.name()));
        return id;
    }

    /** An account crews the unit: as FIELD_UNIT it may then act for this unit, and no other. */
    @Transactional
    void addCrew(long unitId, long accountId, Jurisdiction scope) {
        var unit = units.find(unitId, scope).orElseThrow(() -> new NotFound("unit", unitId));
        // The crew member must be a field unit account that exists, in the caller's jurisdiction and the unit's city.
        var crew = people.byId(accountId)
            .filter(p -> Reach.permits(p.jurisdiction()))
            .orElseThrow(() -> new InvalidInput("accountId", "names no enabled account in your jurisdiction: " + accountId));
        if (!crew.has(Role.FIELD_UNIT)) {
            throw new InvalidInput("accountId", "must be an account with the FIELD_UNIT role; " + crew.name() + " has not");
        }
        if (!crew.jurisdiction().coversCity(unit.cityCode())) {
            throw new InvalidInput("accountId", crew.name() + " works in " + crew.jurisdiction() + ", not in the unit's city "
                + unit.cityCode());
        }
        units.setCrew(accountId, unitId);
        audit.record("emergency.unit-crew-set", "unit", Long.toString(unitId), null, Map.of("accountId", accountId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

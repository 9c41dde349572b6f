package org.safecity.emergency.internal.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.safecity.emergency.internal.incidents.Points;
import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The units of the roster: registration, crews, positions (AVL) and status. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "Police and Rescue 1122 units: status, position, crew")
class UnitController {

    private final RegisteringUnits registering;
    private final UnitStore units;
    private final UnitProgress progress;
    private final UnitViews views;

    UnitController(RegisteringUnits registering, UnitStore units, UnitProgress progress, UnitViews views) {
        this.registering = registering;
        this.units = units;
        this.progress = progress;
        this.views = views;
    }

    record NewUnit(String callSign, String type, String station, String cityCode, String zoneCode, List<String> capabilities) {
    }

    record Position(Double lat, Double lon, Instant at) {
    }

    record StatusChange(String status) {
    }

    record Crew(Long accountId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','DISPATCHER','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Register a unit: call sign, type, station, city, capabilities")
    UnitViews.UnitView register(@RequestBody NewUnit request) {
        long id = registering.register(new RegisteringUnits.NewUnit(request.callSign(), request.type(), request.station(),
            request.cityCode(), request.zoneCode(), request.capabilities()), CurrentActor.jurisdiction());
        return views.of(units.find(id, org.safecity.identity.Jurisdiction.PROVINCE).orElseThrow());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "The units in your jurisdiction, with status, position and whether they have gone silent")
    List<UnitViews.UnitView> list() {
        return units.list(CurrentActor.jurisdiction()).stream().map(views::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN','FIELD_UNIT')")
    @Operation(summary = "One unit")
    UnitViews.UnitView get(@PathVariable long id) {
        return views.of(actable(id));
    }

    @PostMapping("/{id}/crew")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Name an account as crew of the unit: as FIELD_UNIT it then acts for this unit only")
    UnitViews.UnitView crew(@PathVariable long id, @RequestBody Crew request) {
        if (request.accountId() == null) {
            throw new InvalidInput("accountId", "is required");
        }
        registering.addCrew(id, request.accountId(), CurrentActor.jurisdiction());
        return get(id);
    }

    @PostMapping("/{id}/position")
    @PreAuthorize("hasAnyRole('DISPATCHER','FIELD_UNIT','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Report the unit's position (AVL): {lat, lon, at}")
    UnitViews.UnitView position(@PathVariable long id, @RequestBody Position request) {
        var unit = actable(id);
        progress.recordPosition(unit, Points.required(new Points(request.lat(), request.lon()), "lat/lon"), request.at(),
            CurrentActor.name());
        return get(id);
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','FIELD_UNIT','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change the unit's status: AVAILABLE, EN_ROUTE, ON_SCENE, OUT_OF_SERVICE")
    UnitViews.UnitView status(@PathVariable long id, @RequestBody StatusChange request) {
        var unit = actable(id);
        progress.changeStatus(unit, unitStatus(request.status()), CurrentActor.name());
        return get(id);
    }

    /**
     * The unit, if the actor may act for it: a field unit account only for the unit it crews
     * (another unit is refused, not hidden: the account knows which unit it is), anyone else within
     * their jurisdiction.
     */
    Unit actable(long id) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.FIELD_UNIT) && !actor.has(Role.DISPATCHER) && !actor.has(Role.SUPERVISOR)
            && !actor.has(Role.OPERATOR) && !actor.has(Role.ADMIN)) {
            long own = actor instanceof Actor.Person person ? units.unitCrewedBy(person.accountId()).orElse(-1L) : -1L;
            if (own != id) {
                throw new AccessDeniedException("A field unit account acts only for its own unit.");
            }
            return units.find(id, org.safecity.identity.Jurisdiction.PROVINCE).orElseThrow(() -> new NotFound("unit", id));
        }
        return units.find(id, CurrentActor.jurisdiction()).orElseThrow(() -> new NotFound("unit", id));
    }

    static UnitStatus unitStatus(String text) {
        try {
            return UnitStatus.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be one of AVAILABLE, EN_ROUTE, ON_SCENE, OUT_OF_SERVICE");
        }
    }
}

package org.safecity.emergency.internal.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.safecity.emergency.internal.incidents.HandlingIncidents;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.incidents.Points;
import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Writes;
import org.safecity.shared.Conflict;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field API for a unit's crew: the account is tied to its unit by the crew list, so no unit id
 * is ever sent and a crew cannot act for another unit.
 */
@RestController
@RequestMapping("/api/v1/field")
@Tag(name = "Field units", description = "What a patrol car or ambulance reports from the field: status, position, notes")
class FieldUnitController {

    private final UnitStore units;
    private final IncidentStore incidents;
    private final UnitProgress progress;
    private final HandlingIncidents handling;
    private final UnitViews unitViews;

    FieldUnitController(UnitStore units, IncidentStore incidents, UnitProgress progress, HandlingIncidents handling,
                        UnitViews unitViews) {
        this.units = units;
        this.incidents = incidents;
        this.progress = progress;
        this.handling = handling;
        this.unitViews = unitViews;
    }

    record Assignment(long incidentId, String type, String priority, String status, GeoPoint location, String address,
                      String landmark, String description, java.time.Instant dispatchedAt, java.time.Instant acknowledgedAt) {
    }

    record MyUnit(UnitViews.UnitView unit, Assignment assignment) {
    }

    record Note(String text) {
    }

    @GetMapping("/unit")
    @PreAuthorize("hasRole('FIELD_UNIT')")
    @Operation(summary = "My unit and its current assignment")
    MyUnit mine() {
        var unit = own();
        var assignment = units.activeAssignment(unit.id()).flatMap(a -> incidents.find(a.incidentId(), Jurisdiction.PROVINCE)
            .map(i -> new Assignment(i.id(), i.type(), i.priority().name(), i.status().name(), i.location(), i.address(),
                i.landmark(), i.description(), a.dispatchedAt(), a.acknowledgedAt())));
        return new MyUnit(unitViews.of(unit), assignment.orElse(null));
    }

    @PostMapping("/acknowledge")
    @PreAuthorize("hasRole('FIELD_UNIT')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Acknowledge the dispatch")
    MyUnit acknowledge() {
        progress.acknowledge(own(), CurrentActor.name());
        return mine();
    }

    @PostMapping("/status")
    @PreAuthorize("hasRole('FIELD_UNIT')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Report my status: EN_ROUTE, ON_SCENE, AVAILABLE, OUT_OF_SERVICE")
    MyUnit status(@RequestBody UnitController.StatusChange request) {
        progress.changeStatus(own(), UnitController.unitStatus(request.status()), CurrentActor.name());
        return mine();
    }

    @PostMapping("/position")
    @PreAuthorize("hasRole('FIELD_UNIT')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Report my position: {lat, lon, at}")
    MyUnit position(@RequestBody UnitController.Position request) {
        progress.recordPosition(own(), Points.required(new Points(request.lat(), request.lon()), "lat/lon"), request.at(),
            CurrentActor.name());
        return mine();
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('FIELD_UNIT')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Add a note to my current incident's timeline")
    MyUnit note(@RequestBody Note request) {
        var unit = own();
        var assignment = units.activeAssignment(unit.id())
            .orElseThrow(() -> new Conflict(unit.callSign() + " has no incident to write a note on."));
        handling.addNote(assignment.incidentId(), request.text(), CurrentActor.name() + " (" + unit.callSign() + ")",
            unit.id(), Jurisdiction.PROVINCE);
        return mine();
    }

    private Unit own() {
        if (!(CurrentActor.get() instanceof Actor.Person person)) {
            throw new AccessDeniedException("The field API is for a unit's crew.");
        }
        long unitId = units.unitCrewedBy(person.accountId())
            .orElseThrow(() -> new Conflict("Your account is not on the crew of any unit; ask a supervisor to add it."));
        return units.find(unitId, Jurisdiction.PROVINCE).orElseThrow(() -> new NotFound("unit", unitId));
    }
}

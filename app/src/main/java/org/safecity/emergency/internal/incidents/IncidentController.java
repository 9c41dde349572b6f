package org.safecity.emergency.internal.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.internal.calls.OpeningIncidents;
import org.safecity.emergency.internal.dispatch.DispatchingUnits;
import org.safecity.emergency.internal.dispatch.RecommendingUnits;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Incidents for the Command and Control Center: intake, the board, the incident, dispatch. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Incidents from calls, alerts and panic buttons: intake, notes, dispatch, timeline, NENA EIDO exchange")
class IncidentController {

    private final OpeningIncidents opening;
    private final IncidentViews views;
    private final HandlingIncidents handling;
    private final RecommendingUnits recommending;
    private final DispatchingUnits dispatching;

    IncidentController(OpeningIncidents opening, IncidentViews views, HandlingIncidents handling,
                       RecommendingUnits recommending, DispatchingUnits dispatching) {
        this.opening = opening;
        this.views = views;
        this.handling = handling;
        this.recommending = recommending;
        this.dispatching = dispatching;
    }

    record CallerRequest(String name, String number) {
    }

    record NewIncident(String type, String priority, Points location, String address, String landmark, String description,
                       CallerRequest caller, String cityCode, String zoneCode) {
    }

    record AttachCall(CallerRequest caller, String note) {
    }

    record Note(String text) {
    }

    /** @param disposition how the incident ended, required to resolve or close it (see {@code /api/v1/incident-dispositions}) */
    record StatusChange(String status, String note, String disposition) {
    }

    record PriorityChange(String priority) {
    }

    record Merge(Long duplicateId) {
    }

    record Dispatch(List<Long> unitIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Open an incident from a call")
    IncidentViews.Detail open(@RequestBody NewIncident request) {
        var caller = request.caller() == null ? new CallerRequest(null, null) : request.caller();
        long id = opening.fromCall(new OpeningIncidents.CallReport(request.type(), request.priority(),
            Points.required(request.location(), "location"), request.address(), request.landmark(), request.description(),
            caller.name(), caller.number(), request.cityCode(), request.zoneCode()));
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "The incident board: open incidents by priority, newest first (closed ones too with ?all=true)")
    List<IncidentViews.Summary> board(@RequestParam(defaultValue = "false") boolean all) {
        return views.board(CurrentActor.jurisdiction(), all);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "An incident with its timeline, units, nearby cameras and possible duplicates")
    IncidentViews.Detail get(@PathVariable long id) {
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @GetMapping("/{id}/calls")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR')")
    @Operation(summary = "The callers' names and numbers (each read is audited)")
    List<IncidentViews.CallerView> callers(@PathVariable long id, @RequestParam(required = false) String reason) {
        return views.callers(id, CurrentActor.jurisdiction(), reason);
    }

    @PostMapping("/{id}/calls")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Attach another call to an open incident instead of opening a new one")
    IncidentViews.Detail attachCall(@PathVariable long id, @RequestBody AttachCall request) {
        var caller = request.caller() == null ? new CallerRequest(null, null) : request.caller();
        opening.attachCall(id, new OpeningIncidents.Caller(caller.name(), caller.number()), request.note());
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add a note to the incident's timeline")
    IncidentViews.Detail note(@PathVariable long id, @RequestBody Note request) {
        handling.addNote(id, request.text(), CurrentActor.name(), null, CurrentActor.jurisdiction());
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Resolve or close the incident (other statuses follow from its units)")
    IncidentViews.Detail status(@PathVariable long id, @RequestBody StatusChange request) {
        handling.changeStatus(id, incidentStatus(request.status()), request.note(), request.disposition());
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @PostMapping("/{id}/priority")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change the incident's priority")
    IncidentViews.Detail priority(@PathVariable long id, @RequestBody PriorityChange request) {
        var errors = new java.util.ArrayList<InvalidInput.FieldError>();
        if (request.priority() == null || request.priority().isBlank()) {
            throw new InvalidInput("priority", "is required: P1, P2, P3 or P4");
        }
        var priority = OpeningIncidents.priority(request.priority(), null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        handling.changePriority(id, priority);
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Merge a duplicate incident into this one")
    IncidentViews.Detail merge(@PathVariable long id, @RequestBody Merge request) {
        if (request.duplicateId() == null) {
            throw new InvalidInput("duplicateId", "is required: the incident to merge into this one");
        }
        handling.merge(id, request.duplicateId());
        return views.detail(id, CurrentActor.jurisdiction());
    }

    @GetMapping("/{id}/recommendations")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Available suitable units, fastest first")
    List<RecommendingUnits.Recommendation> recommendations(@PathVariable long id) {
        return recommending.recommend(id);
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Send units to the incident (all or none; units already on it are left as they are)")
    ResponseEntity<Map<String, Object>> dispatch(@PathVariable long id, @RequestBody Dispatch request) {
        var outcome = dispatching.dispatch(id, request.unitIds());
        return ResponseEntity.ok(Map.of("dispatched", outcome.sent(), "alreadyAssigned", outcome.alreadyAssigned(),
            "incident", views.detail(id, CurrentActor.jurisdiction())));
    }

    static IncidentStatus incidentStatus(String text) {
        try {
            return IncidentStatus.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be RESOLVED or CLOSED (the others follow from the units)");
        }
    }
}

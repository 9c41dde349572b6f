package org.safecity.emergency.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.UnitType;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The incident type taxonomy and the response targets per priority, edited by administrators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Incident types and targets")
class TaxonomyController {

    private final TaxonomyStore taxonomy;
    private final AuditTrail audit;

    TaxonomyController(TaxonomyStore taxonomy, AuditTrail audit) {
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    record TypeChange(String name, String defaultPriority, List<String> unitTypes, Boolean active) {
    }

    record TargetView(Priority priority, long callToDispatchSeconds, long dispatchToArrivalSeconds) {
    }

    record TargetChange(Long callToDispatchSeconds, Long dispatchToArrivalSeconds) {
    }

    @GetMapping("/incident-types")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN','FIELD_UNIT')")
    @Operation(summary = "Incident types with their default priority and the unit types that answer them")
    List<IncidentType> types() {
        return taxonomy.types();
    }

    @PutMapping("/incident-types/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Add or change an incident type")
    IncidentType saveType(@PathVariable String code, @RequestBody TypeChange request) {
        List<FieldError> errors = new ArrayList<>();
        if (!code.matches("[A-Z][A-Z_]{1,39}")) {
            errors.add(new FieldError("code", "must be 2 to 40 capital letters or underscores, such as KIDNAPPING"));
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        Priority priority = null;
        try {
            priority = Priority.valueOf(String.valueOf(request.defaultPriority()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("defaultPriority", "must be P1, P2, P3 or P4"));
        }
        List<UnitType> unitTypes = new ArrayList<>();
        if (request.unitTypes() == null || request.unitTypes().isEmpty()) {
            errors.add(new FieldError("unitTypes", "must name at least one unit type that answers this incident type"));
        } else {
            for (String t : request.unitTypes()) {
                try {
                    unitTypes.add(UnitType.valueOf(String.valueOf(t)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("unitTypes", "'" + t + "' is not one of POLICE_CAR, POLICE_MOTORCYCLE, AMBULANCE, FIRE_TENDER"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var type = new IncidentType(code, request.name().strip(), priority, List.copyOf(unitTypes),
            request.active() == null || request.active());
        taxonomy.saveType(type);
        audit.record("emergency.incident-type-saved", "incident-type", code, null,
            Map.of("defaultPriority", priority.name(), "unitTypes", unitTypes.toString(), "active", type.active()));
        return taxonomy.type(code).orElseThrow();
    }

    @GetMapping("/response-targets")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Response targets per priority: call to dispatch, dispatch to arrival")
    List<TargetView> targets() {
        return taxonomy.targets().stream().map(TaxonomyController::view).toList();
    }

    @PutMapping("/response-targets/{priority}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Change the response targets of a priority")
    TargetView saveTarget(@PathVariable String priority, @RequestBody TargetChange request) {
        Priority p;
        try {
            p = Priority.valueOf(priority);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("priority", "must be P1, P2, P3 or P4");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.callToDispatchSeconds() == null || request.callToDispatchSeconds() < 1 || request.callToDispatchSeconds() > 86_400) {
            errors.add(new FieldError("callToDispatchSeconds", "must be between 1 and 86400"));
        }
        if (request.dispatchToArrivalSeconds() == null || request.dispatchToArrivalSeconds() < 1 || request.dispatchToArrivalSeconds() > 86_400) {
            errors.add(new FieldError("dispatchToArrivalSeconds", "must be between 1 and 86400"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var target = new ResponseTarget(p, Duration.ofSeconds(request.callToDispatchSeconds()),
            Duration.ofSeconds(request.dispatchToArrivalSeconds()));
        taxonomy.saveTarget(target);
        audit.record("emergency.response-target-saved", "response-target", p.name(), null,
            Map.of("callToDispatchSeconds", request.callToDispatchSeconds(), "dispatchToArrivalSeconds", request.dispatchToArrivalSeconds()));
        return view(taxonomy.target(p));
    }

    private static TargetView view(ResponseTarget t) {
        return new TargetView(t.priority(), t.callToDispatch().toSeconds(), t.dispatchToArrival().toSeconds());
    }
}

package org.safecity.emergency.internal.taxonomy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.figures.ResponseTarget;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator adds or changes incident types and the response targets of each priority. */
@Service
class EditingTaxonomy {

    private final TaxonomyStore taxonomy;
    private final AuditTrail audit;

    EditingTaxonomy(TaxonomyStore taxonomy, AuditTrail audit) {
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    @Transactional
    IncidentType saveType(String code, String name, String defaultPriority, List<String> unitTypeNames, Boolean active) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z_]{1,39}")) {
            errors.add(new FieldError("code", "must be 2 to 40 capital letters or underscores, such as KIDNAPPING"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        Priority priority = null;
        try {
            priority = Priority.valueOf(String.valueOf(defaultPriority));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("defaultPriority", "must be P1, P2, P3 or P4"));
        }
        List<UnitType> unitTypes = new ArrayList<>();
        if (unitTypeNames == null || unitTypeNames.isEmpty()) {
            errors.add(new FieldError("unitTypes", "must name at least one unit type that answers this incident type"));
        } else {
            for (String t : unitTypeNames) {
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
        var type = new IncidentType(code, name.strip(), priority, List.copyOf(unitTypes), active == null || active);
        taxonomy.saveType(type);
        audit.record("emergency.incident-type-saved", "incident-type", code, null,
            Map.of("defaultPriority", priority.name(), "unitTypes", unitTypes.toString(), "active", type.active()));
        return taxonomy.type(code).orElseThrow();
    }

    @Transactional
    ResponseTarget saveTarget(String priorityText, Long callToDispatchSeconds, Long dispatchToArrivalSeconds) {
        Priority priority;
        try {
            priority = Priority.valueOf(String.valueOf(priorityText));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("priority", "must be P1, P2, P3 or P4");
        }
        List<FieldError> errors = new ArrayList<>();
        if (callToDispatchSeconds == null || callToDispatchSeconds < 1 || callToDispatchSeconds > 86_400) {
            errors.add(new FieldError("callToDispatchSeconds", "must be between 1 and 86400"));
        }
        if (dispatchToArrivalSeconds == null || dispatchToArrivalSeconds < 1 || dispatchToArrivalSeconds > 86_400) {
            errors.add(new FieldError("dispatchToArrivalSeconds", "must be between 1 and 86400"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        taxonomy.saveTarget(new ResponseTarget(priority, Duration.ofSeconds(callToDispatchSeconds),
            Duration.ofSeconds(dispatchToArrivalSeconds)));
        audit.record("emergency.response-target-saved", "response-target", priority.name(), null,
            Map.of("callToDispatchSeconds", callToDispatchSeconds, "dispatchToArrivalSeconds", dispatchToArrivalSeconds));
        return taxonomy.target(priority);
    }
}

package org.safecity.emergency.internal.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.internal.figures.ResponseTarget;
import org.safecity.emergency.internal.incidents.Disposition;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.identity.Writes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The incident type taxonomy and the response targets per priority, edited by administrators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Incident types and targets", description = "Incident types, dispositions and the response targets per priority")
class TaxonomyController {

    private final TaxonomyStore taxonomy;
    private final EditingTaxonomy editing;

    TaxonomyController(TaxonomyStore taxonomy, EditingTaxonomy editing) {
        this.taxonomy = taxonomy;
        this.editing = editing;
    }

    record TypeChange(String name, String defaultPriority, List<String> unitTypes, Boolean active) {
    }

    record TargetView(Priority priority, long callToDispatchSeconds, long dispatchToArrivalSeconds) {
        static TargetView of(ResponseTarget t) {
            return new TargetView(t.priority(), t.callToDispatch().toSeconds(), t.dispatchToArrival().toSeconds());
        }
    }

    record TargetChange(Long callToDispatchSeconds, Long dispatchToArrivalSeconds) {
    }

    @GetMapping("/incident-types")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN','FIELD_UNIT')")
    @Operation(summary = "Incident types with their default priority and the unit types that answer them")
    List<IncidentType> types() {
        return taxonomy.types();
    }

    @GetMapping("/incident-dispositions")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "How an incident may end: the dispositions to choose from when resolving or closing it")
    List<Map<String, String>> dispositions() {
        return Disposition.choosable().stream().map(d -> Map.of("code", d.name(), "label", d.label())).toList();
    }

    @PutMapping("/incident-types/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Add or change an incident type")
    IncidentType saveType(@PathVariable String code, @RequestBody TypeChange request) {
        return editing.saveType(code, request.name(), request.defaultPriority(), request.unitTypes(), request.active());
    }

    @GetMapping("/response-targets")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Response targets per priority: call to dispatch, dispatch to arrival")
    List<TargetView> targets() {
        return taxonomy.targets().stream().map(TargetView::of).toList();
    }

    @PutMapping("/response-targets/{priority}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Change the response targets of a priority")
    TargetView saveTarget(@PathVariable String priority, @RequestBody TargetChange request) {
        return TargetView.of(editing.saveTarget(priority, request.callToDispatchSeconds(), request.dispatchToArrivalSeconds()));
    }
}

package org.safecity.registry.internal.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.registry.internal.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The rollout phase by phase: plan against what exists, and whether the deadline will be met. */
@RestController
@Tag(name = "Rollout phases", description = "Rollout phases of the camera network: budget, deadline, planned and installed")
class PhaseController {

    private final PlanningRollout rollout;

    PhaseController(PlanningRollout rollout) {
        this.rollout = rollout;
    }

    @GetMapping("/api/v1/phases")
    @PreAuthorize(Access.READ_ROLLOUT)
    @Operation(summary = "Every phase: planned and existing sites and cameras, budget, deadline, projected completion")
    List<PlanningRollout.PhaseView> list() {
        return rollout.all(CurrentActor.jurisdiction());
    }

    @GetMapping("/api/v1/phases/{number}")
    @PreAuthorize(Access.READ_ROLLOUT)
    @Operation(summary = "One phase with its progress")
    PlanningRollout.PhaseView get(@PathVariable int number) {
        return rollout.one(number, CurrentActor.jurisdiction());
    }

    @PutMapping("/api/v1/phases/{number}")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Re-plan a phase: start date, budget, planned counts, duration (an empty figure means not announced)")
    PlanningRollout.PhaseView replan(@PathVariable int number, @RequestBody PlanningRollout.PhasePlan plan) {
        return rollout.replan(number, plan, CurrentActor.jurisdiction());
    }
}

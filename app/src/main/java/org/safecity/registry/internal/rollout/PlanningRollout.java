package org.safecity.registry.internal.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Jurisdiction;
import org.safecity.registry.internal.places.CityStore;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A supervisor follows the rollout phase by phase; an administrator re-plans a phase (start, budget, counts). */
@Service
class PlanningRollout {

    private final PhaseStore phases;
    private final CityStore cities;
    private final AuditTrail audit;
    private final Clock clock;

    PlanningRollout(PhaseStore phases, CityStore cities, AuditTrail audit, Clock clock) {
        this.phases = phases;
        this.cities = cities;
        this.audit = audit;
        this.clock = clock;
    }

    /** A phase with its plan, what exists so far, and whether it will finish by its deadline. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PhaseView(int number, String name, List<String> cities, List<String> cityCodes, Integer plannedSites,
                     Integer plannedCameras, long sites, long cameras, long installedCameras, long commissionedSites,
                     long onlineCameras, Long budgetPkr, Integer durationMonths, LocalDate startDate, LocalDate deadline,
                     Long daysToDeadline, LocalDate projectedCompletion, Boolean onTrack, String notes) {
    }

    /** The new plan of a phase; a figure left empty is "not announced". */
    record PhasePlan(String name, LocalDate startDate, Long budgetPkr, Integer plannedSites, Integer plannedCameras,
                     Integer durationMonths, String notes) {
    }

    /** The phases covering the caller's city (all of them for the province). */
    List<PhaseView> all(Jurisdiction jurisdiction) {
        return phases.all().stream().filter(p -> jurisdiction.isProvince() || p.covers(jurisdiction.cityCode()))
            .map(this::view).toList();
    }

    PhaseView one(int number, Jurisdiction jurisdiction) {
        return phases.find(number).filter(p -> jurisdiction.isProvince() || p.covers(jurisdiction.cityCode()))
            .map(this::view).orElseThrow(() -> new NotFound("phase", number));
    }

    @Transactional
    PhaseView replan(int number, PhasePlan plan, Jurisdiction jurisdiction) {
        var existing = phases.find(number).filter(p -> jurisdiction.isProvince() || p.covers(jurisdiction.cityCode()))
            .orElseThrow(() -> new NotFound("phase", number));
        var errors = new java.util.ArrayList<FieldError>();
        if (plan.budgetPkr() != null && plan.budgetPkr() < 0) {
            errors.add(new FieldError("budgetPkr", "must be 0 or more rupees"));
        }
        if (plan.plannedSites() != null && plan.plannedSites() < 0) {
            errors.add(new FieldError("plannedSites", "must be 0 or more"));
        }
        if (plan.plannedCameras() != null && plan.plannedCameras() < 0) {
            errors.add(new FieldError("plannedCameras", "must be 0 or more"));
        }
        if (plan.durationMonths() != null && (plan.durationMonths() < 1 || plan.durationMonths() > 120)) {
            errors.add(new FieldError("durationMonths", "must be between 1 and 120"));
        }
        if (plan.name() != null && plan.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank; leave it out to keep the present name"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var changed = new Phase(number, plan.name() == null ? existing.name() : plan.name().strip(), existing.cityCodes(),
            plan.plannedSites(), plan.plannedCameras(), plan.budgetPkr(), plan.durationMonths(), plan.startDate(),
            plan.notes() == null ? existing.notes() : plan.notes());
        phases.update(changed);
        var details = new LinkedHashMap<String, Object>();
        details.put("startDate", String.valueOf(changed.startDate()));
        details.put("budgetPkr", String.valueOf(changed.budgetPkr()));
        details.put("plannedSites", String.valueOf(changed.plannedSites()));
        details.put("plannedCameras", String.valueOf(changed.plannedCameras()));
        details.put("durationMonths", String.valueOf(changed.durationMonths()));
        audit.record("registry.phase-replanned", "phase", Integer.toString(number), null, details);
        return view(changed);
    }

    private PhaseView view(Phase p) {
        Map<String, String> names = new LinkedHashMap<>();
        cities.all().forEach(c -> names.put(c.code(), c.name()));
        var progress = phases.progress(p.number());
        LocalDate today = LocalDate.now(clock);
        var projection = RolloutProjection.of(p.startDate(), p.deadline(), p.plannedCameras(), progress.installedCameras(),
            progress.lastInstalledOn(), today);
        return new PhaseView(p.number(), p.name(), p.cityCodes().stream().map(names::get).toList(), p.cityCodes(),
            p.plannedSites(), p.plannedCameras(), progress.sites(), progress.cameras(), progress.installedCameras(),
            progress.commissionedSites(), progress.onlineCameras(), p.budgetPkr(), p.durationMonths(), p.startDate(),
            p.deadline(), projection.daysToDeadline(), projection.projectedCompletion(), projection.onTrack(), p.notes());
    }
}

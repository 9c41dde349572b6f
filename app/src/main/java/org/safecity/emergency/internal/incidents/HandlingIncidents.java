package org.safecity.emergency.internal.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.safecity.emergency.internal.dispatch.Assignment;
import org.safecity.emergency.internal.units.UnitStatus;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What dispatchers and supervisors do to an incident besides sending units: write notes, change its
 * priority, resolve it (its units become available), close it, and merge a duplicate into it.
 */
@Service
public class HandlingIncidents {

    private final IncidentStore incidents;
    private final UnitStore units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandlingIncidents(IncidentStore incidents, UnitStore units, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void addNote(long incidentId, String text, String actor, Long unitId, Jurisdiction scope) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("text", "is required");
        }
        if (text.length() > 4000) {
            throw new InvalidInput("text", "must be at most 4,000 characters");
        }
        var incident = incidents.find(incidentId, scope).orElseThrow(() -> new NotFound("incident", incidentId));
        incidents.addTimeline(incidentId, clock.instant(), actor, "NOTE", text.strip(), unitId);
        changed(incident, "note");
    }

    @Transactional
    void changePriority(long incidentId, Priority priority) {
        var incident = lock(incidentId);
        if (!incident.status().isOpen()) {
            throw new Conflict("Incident " + incidentId + " is " + incident.status() + ".");
        }
        if (incident.priority() == priority) {
            return;
        }
        incidents.setPriority(incidentId, priority);
        incidents.addTimeline(incidentId, clock.instant(), CurrentActor.name(), "PRIORITY",
            "Priority " + incident.priority() + " → " + priority, null);
        changed(incident, "priority");
    }

    /** Resolving or closing: the only statuses a person sets by hand; the rest follow the units. */
    @Transactional
    void changeStatus(long incidentId, IncidentStatus status, String note, String dispositionCode) {
        var incident = lock(incidentId);
        if (incident.status() == status) {
            return;
        }
        if (!incident.status().canMoveTo(status)) {
            throw new Conflict(status.isOpen()
                ? status + " follows from the units: dispatch a unit, or report its progress."
                : "Incident " + incidentId + " is " + incident.status() + " and cannot become " + status + ".");
        }
        var disposition = Disposition.chosen(dispositionCode)
            .or(() -> dispositionCode == null ? Optional.ofNullable(incident.disposition()) : Optional.empty())
            .orElseThrow(() -> new InvalidInput("disposition", dispositionCode == null
                ? "say how the incident ended: one of " + Disposition.choosable()
                : "must be one of " + Disposition.choosable()));
        Instant now = clock.instant();
        String actor = CurrentActor.name();
        releaseUnits(incidentId, now, actor);
        if (status == IncidentStatus.RESOLVED) {
            incidents.markResolved(incidentId, now, disposition);
        } else {
            incidents.markClosed(incidentId, now, null, disposition);
        }
        incidents.addTimeline(incidentId, now, actor, "STATUS", incident.status() + " → " + status + " (" + disposition.label() + ")"
            + (note == null || note.isBlank() ? "" : ": " + note.strip()), null);
        changed(incident, "status");
    }

    /**
     * Merges a duplicate into the incident that stays: its calls and units move over, it is closed
     * pointing at the survivor, and both timelines say so.
     */
    @Transactional
    void merge(long survivorId, long duplicateId) {
        if (survivorId == duplicateId) {
            throw new InvalidInput("duplicateId", "must be another incident");
        }
        // Locked in id order, so a merge the other way round cannot deadlock with this one.
        var first = lock(Math.min(survivorId, duplicateId));
        var second = lock(Math.max(survivorId, duplicateId));
        var survivor = first.id() == survivorId ? first : second;
        var duplicate = first.id() == duplicateId ? first : second;
        if (!survivor.status().isOpen() || !duplicate.status().isOpen()) {
            throw new Conflict("Only open incidents are merged; incident " + (survivor.status().isOpen() ? duplicateId : survivorId)
                + " is " + (survivor.status().isOpen() ? duplicate.status() : survivor.status()) + ".");
        }
        if (!survivor.cityCode().equals(duplicate.cityCode())) {
            throw new Conflict("Incidents of different cities are not merged.");
        }
        Instant now = clock.instant();
        String actor = CurrentActor.name();
        incidents.moveCalls(duplicateId, survivorId);
        boolean unitsMoved = units.assignments(duplicateId).stream().anyMatch(Assignment::active);
        units.moveAssignments(duplicateId, survivorId);
        if (duplicate.dispatchedAt() != null) {
            incidents.markDispatched(survivorId, duplicate.dispatchedAt());
        }
        if (duplicate.arrivedAt() != null) {
            incidents.markArrived(survivorId, duplicate.arrivedAt());
        }
        var status = survivor.status().atLeast(unitsMoved ? duplicate.status() : IncidentStatus.NEW);
        if (status != survivor.status()) {
            incidents.setStatus(survivorId, status);
        }
        incidents.markClosed(duplicateId, now, survivorId, Disposition.DUPLICATE);
        incidents.addTimeline(duplicateId, now, actor, "MERGED", "Merged into incident " + survivorId, null);
        incidents.addTimeline(survivorId, now, actor, "MERGED", "Incident " + duplicateId + " merged into this one ("
            + duplicate.description() + ")", null);
        changed(survivor, "merged");
        changed(duplicate, "merged");
    }

    private void releaseUnits(long incidentId, Instant now, String actor) {
        for (var assignment : units.assignments(incidentId)) {
            if (assignment.active()) {
                units.lock(assignment.unitId());
                units.clear(assignment.id(), now);
                units.setStatus(assignment.unitId(), UnitStatus.AVAILABLE);
                incidents.addTimeline(incidentId, now, actor, "CLEARED", assignment.callSign() + " released", assignment.unitId());
            }
        }
    }

    private Incident lock(long incidentId) {
        return incidents.lock(incidentId, CurrentActor.jurisdiction()).orElseThrow(() -> new NotFound("incident", incidentId));
    }

    private void changed(Incident incident, String what) {
        events.publishEvent(new IncidentChanged(incident.id(), incident.cityCode(), incident.zoneCode(), what));
    }
}

package org.safecity.emergency.internal.units;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.safecity.emergency.internal.EmergencySettings;
import org.safecity.emergency.internal.dispatch.Assignment;
import org.safecity.emergency.internal.incidents.IncidentChanged;
import org.safecity.emergency.internal.incidents.IncidentStatus;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.shared.Conflict;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a unit reports, or a dispatcher reports for it: acknowledging a dispatch, en route, on
 * scene, clear (available), out of service, and its position (AVL). The incident follows its
 * units: on scene as soon as one unit is; a position near the incident counts as arrival.
 * Callers have already checked that the actor may act for the unit.
 */
@Service
public class UnitProgress {

    /** Positions stamped further ahead than this are refused: the device's clock is wrong. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final UnitStore units;
    private final IncidentStore incidents;
    private final EmergencySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnitProgress(UnitStore units, IncidentStore incidents, EmergencySettings settings, ApplicationEventPublisher events,
                 Clock clock) {
        this.units = units;
        this.incidents = incidents;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void changeStatus(Unit unit, UnitStatus status, String actor) {
        var locked = units.lock(unit.id()).orElseThrow();
        var active = units.activeAssignment(unit.id());
        Instant now = clock.instant();
        switch (status) {
            case DISPATCHED -> throw new InvalidInput("status", "DISPATCHED is set by dispatching the unit to an incident");
            case EN_ROUTE -> {
                var assignment = active.orElseThrow(() -> new Conflict(locked.callSign() + " has no incident to be en route to."));
                units.enRoute(assignment.id(), now);
                units.setStatus(unit.id(), UnitStatus.EN_ROUTE);
                advance(assignment.incidentId(), IncidentStatus.EN_ROUTE, now, actor, locked.callSign() + " en route", unit.id());
            }
            case ON_SCENE -> {
                var assignment = active.orElseThrow(() -> new Conflict(locked.callSign() + " has no incident to be on scene at."));
                arrive(locked, assignment, now, actor, locked.callSign() + " on scene");
            }
            case AVAILABLE -> {
                units.setStatus(unit.id(), UnitStatus.AVAILABLE);
                active.ifPresent(assignment -> clear(assignment, now, actor, locked.callSign() + " clear of the incident"));
            }
            case OUT_OF_SERVICE -> {
                if (active.isPresent()) {
                    throw new Conflict(locked.callSign() + " is on incident " + active.get().incidentId()
                        + "; clear it from the incident before taking it out of service.");
                }
                units.setStatus(unit.id(), UnitStatus.OUT_OF_SERVICE);
            }
        }
    }

    @Transactional
    void acknowledge(Unit unit, String actor) {
        var assignment = units.activeAssignment(unit.id())
            .orElseThrow(() -> new Conflict(unit.callSign() + " has no dispatch to acknowledge."));
        if (assignment.acknowledgedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        units.acknowledge(assignment.id(), now);
        var incident = incidents.find(assignment.incidentId(), org.safecity.identity.Jurisdiction.PROVINCE).orElseThrow();
        incidents.addTimeline(incident.id(), now, actor, "ACKNOWLEDGED", unit.callSign() + " acknowledged the dispatch", unit.id());
        events.publishEvent(new IncidentChanged(incident.id(), incident.cityCode(), incident.zoneCode(), "acknowledged"));
    }

    /** A position report (HTTP or MQTT). Older reports are kept in the track but do not move the unit back. */
    @Transactional
    public void recordPosition(Unit unit, GeoPoint point, Instant at, String actor) {
        Instant now = clock.instant();
        Instant stamped = at == null ? now : at;
        if (stamped.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInput("at", "is in the future (" + stamped + "); check the device's clock");
        }
        var locked = units.lock(unit.id()).orElseThrow();
        units.recordPosition(unit.id(), point, stamped, now);
        boolean newest = locked.positionAt() == null || !stamped.isBefore(locked.positionAt());
        if (!newest) {
            return;
        }
        var active = units.activeAssignment(unit.id());
        if (active.isPresent() && active.get().arrivedAt() == null
            && (locked.status() == UnitStatus.DISPATCHED || locked.status() == UnitStatus.EN_ROUTE)) {
            var incident = incidents.find(active.get().incidentId(), org.safecity.identity.Jurisdiction.PROVINCE).orElseThrow();
            if (settings.arrivalPolicy().arrived(point, incident.location())) {
                arrive(locked, active.get(), stamped, actor, locked.callSign() + " arrived (position within "
                    + Math.round(settings.arrivalRadius()) + " m of the incident)");
                return;
            }
        }
        active.ifPresent(a -> incidents.find(a.incidentId(), org.safecity.identity.Jurisdiction.PROVINCE).ifPresent(incident ->
            events.publishEvent(new IncidentChanged(incident.id(), incident.cityCode(), incident.zoneCode(), "position"))));
    }

    private void arrive(Unit unit, Assignment assignment, Instant at, String actor, String text) {
        units.arrived(assignment.id(), at);
        units.setStatus(unit.id(), UnitStatus.ON_SCENE);
        incidents.markArrived(assignment.incidentId(), at);
        advance(assignment.incidentId(), IncidentStatus.ON_SCENE, at, actor, text, unit.id());
    }

    private void advance(long incidentId, IncidentStatus reached, Instant at, String actor, String text, long unitId) {
        var incident = incidents.find(incidentId, org.safecity.identity.Jurisdiction.PROVINCE).orElseThrow();
        incidents.addTimeline(incidentId, at, actor, reached == IncidentStatus.ON_SCENE ? "ARRIVED" : "UNIT", text, unitId);
        if (incident.status().isOpen()) {
            var next = incident.status().atLeast(reached);
            if (next != incident.status()) {
                incidents.setStatus(incidentId, next);
                incidents.addTimeline(incidentId, at, actor, "STATUS", incident.status() + " → " + next, null);
            }
        }
        events.publishEvent(new IncidentChanged(incidentId, incident.cityCode(), incident.zoneCode(), "unit"));
    }

    /** A unit leaves its incident; an incident left with no unit before any arrived needs a dispatch again. */
    private void clear(Assignment assignment, Instant at, String actor, String text) {
        units.clear(assignment.id(), at);
        long incidentId = assignment.incidentId();
        var incident = incidents.find(incidentId, org.safecity.identity.Jurisdiction.PROVINCE).orElseThrow();
        incidents.addTimeline(incidentId, at, actor, "CLEARED", text, assignment.unitId());
        boolean noneLeft = units.assignments(incidentId).stream().noneMatch(Assignment::active);
        if (noneLeft && (incident.status() == IncidentStatus.DISPATCHED || incident.status() == IncidentStatus.EN_ROUTE)) {
            incidents.setStatus(incidentId, IncidentStatus.NEW);
            incidents.addTimeline(incidentId, at, actor, "STATUS", incident.status() + " → NEW (no unit assigned)", null);
        }
        events.publishEvent(new IncidentChanged(incidentId, incident.cityCode(), incident.zoneCode(), "unit"));
    }
}

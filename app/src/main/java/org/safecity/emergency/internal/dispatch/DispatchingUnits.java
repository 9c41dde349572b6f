package org.safecity.emergency.internal.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.safecity.emergency.TravelTimeEstimate;
import org.safecity.emergency.internal.incidents.IncidentChanged;
import org.safecity.emergency.internal.incidents.IncidentStatus;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.units.UnitStatus;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispatcher sends one or more units to an incident. All or nothing: if one unit cannot go, none
 * is sent. Sending a unit that is already on this incident changes nothing, so a retried request is
 * harmless; a unit busy on another incident or out of service is a conflict.
 */
@Service
public class DispatchingUnits {

    private final IncidentStore incidents;
    private final UnitStore units;
    private final TravelTimeEstimate travelTime;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DispatchingUnits(IncidentStore incidents, UnitStore units, TravelTimeEstimate travelTime,
                     ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.travelTime = travelTime;
        this.events = events;
        this.clock = clock;
    }

    public record Dispatched(List<Long> sent, List<Long> alreadyAssigned) {
    }

    @Transactional
    public Dispatched dispatch(long incidentId, List<Long> unitIds) {
        if (unitIds == null || unitIds.isEmpty() || unitIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInput("unitIds", "must list at least one unit");
        }
        var scope = CurrentActor.jurisdiction();
        var incident = incidents.lock(incidentId, scope).orElseThrow(() -> new NotFound("incident", incidentId));
        if (!incident.status().isOpen()) {
            throw new Conflict("Incident " + incidentId + " is " + incident.status() + "; units are sent only to open incidents.");
        }
        Instant now = clock.instant();
        String actor = CurrentActor.name();
        List<Long> sent = new ArrayList<>();
        List<Long> already = new ArrayList<>();
        // Locked in id order, so two dispatchers sending overlapping units cannot deadlock.
        for (long unitId : new TreeSet<>(unitIds)) {
            var unit = units.lock(unitId)
                .filter(u -> scope.coversCity(u.cityCode()))
                .orElseThrow(() -> new NotFound("unit", unitId));
            if (!unit.cityCode().equals(incident.cityCode())) {
                throw new Conflict("Unit " + unit.callSign() + " belongs to " + unit.cityCode() + ", the incident to "
                    + incident.cityCode() + ".");
            }
            var active = units.activeAssignment(unitId);
            if (active.isPresent()) {
                if (active.get().incidentId() == incidentId) {
                    already.add(unitId);
                    continue;
                }
                throw new Conflict("Unit " + unit.callSign() + " is already assigned to incident " + active.get().incidentId() + ".");
            }
            if (unit.status() != UnitStatus.AVAILABLE) {
                throw new Conflict("Unit " + unit.callSign() + " is " + unit.status() + ", not AVAILABLE.");
            }
            Integer eta = unit.position() == null ? null
                : (int) travelTime.estimate(unit.type(), unit.position(), incident.location()).toSeconds();
            units.assign(incidentId, unitId, now, actor, eta);
            units.setStatus(unitId, UnitStatus.DISPATCHED);
            incidents.addTimeline(incidentId, now, actor, "ASSIGNED", unit.callSign() + " (" + unit.type() + ") dispatched"
                + (eta == null ? "" : ", estimated arrival in " + Math.max(1, Math.round(eta / 60.0)) + " min"), unitId);
            sent.add(unitId);
        }
        if (!sent.isEmpty()) {
            incidents.markDispatched(incidentId, now);
            var status = incident.status().atLeast(IncidentStatus.DISPATCHED);
            if (status != incident.status()) {
                incidents.setStatus(incidentId, status);
                incidents.addTimeline(incidentId, now, actor, "STATUS", incident.status() + " → " + status, null);
            }
            events.publishEvent(new IncidentChanged(incidentId, incident.cityCode(), incident.zoneCode(), "dispatched"));
        }
        return new Dispatched(sent, already);
    }
}

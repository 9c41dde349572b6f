package org.safecity.emergency.internal.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.IncidentOpened;
import org.safecity.emergency.internal.incidents.IncidentChanged;
import org.safecity.emergency.internal.incidents.IncidentSource;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.emergency.internal.panic.PanicButton;
import org.safecity.emergency.internal.taxonomy.IncidentType;
import org.safecity.emergency.internal.taxonomy.TaxonomyStore;
import org.safecity.emergency.internal.units.Whereabouts;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A call-taker opens an incident from a call, or adds the call to an incident already open; a
 * premises' panic button and an escalated alert open one by themselves; an EIDO document from
 * another centre is taken in. Every way ends in the same incident with its first timeline entry.
 */
@Service
public class OpeningIncidents {

    private final IncidentStore incidents;
    private final TaxonomyStore taxonomy;
    private final Whereabouts whereabouts;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    OpeningIncidents(IncidentStore incidents, TaxonomyStore taxonomy, Whereabouts whereabouts,
                     ApplicationEventPublisher events, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.taxonomy = taxonomy;
        this.whereabouts = whereabouts;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a call-taker writes down. Caller name and number may be unknown (a dropped call). */
    public record CallReport(String type, String priority, GeoPoint location, String address, String landmark,
                      String description, String callerName, String callerNumber, String cityCode, String zoneCode) {
    }

    public record Caller(String name, String number) {
    }

    @Transactional
    public long fromCall(CallReport report) {
        List<FieldError> errors = new ArrayList<>();
        IncidentType type = activeType(report.type(), errors);
        Priority priority = priority(report.priority(), type, errors);
        if (report.location() == null) {
            errors.add(new FieldError("location", "is required: the map point of the incident ({\"lat\", \"lon\"})"));
        }
        if (blank(report.description())) {
            errors.add(new FieldError("description", "is required: what the caller reports"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var place = place(report.location(), report.cityCode(), report.zoneCode());
        Instant now = clock.instant();
        String actor = CurrentActor.name();
        long id = incidents.insert(new IncidentStore.NewIncident(type.code(), priority, place.cityCode(), place.zoneCode(),
            report.location(), trim(report.address()), trim(report.landmark()), report.description().strip(),
            IncidentSource.CALL, null, null, null, now, actor));
        incidents.addTimeline(id, now, actor, "OPENED", "Opened from a call: " + type.name() + ", " + priority
            + where(report.address(), report.landmark()), null);
        recordCall(id, new Caller(report.callerName(), report.callerNumber()), now, actor);
        opened(id, type.code(), priority, IncidentSource.CALL, place, report.location(), now);
        return id;
    }

    /** Another call about an incident already open: the caller joins it instead of opening a new one. */
    @Transactional
    public void attachCall(long incidentId, Caller caller, String note) {
        var incident = incidents.lock(incidentId, CurrentActor.jurisdiction()).orElseThrow(() -> new NotFound("incident", incidentId));
        if (!incident.status().isOpen()) {
            throw new org.safecity.shared.Conflict("Incident " + incidentId + " is " + incident.status()
                + "; open a new incident for this call.");
        }
        Instant now = clock.instant();
        String actor = CurrentActor.name();
        recordCall(incidentId, caller, now, actor);
        incidents.addTimeline(incidentId, now, actor, "CALL", "Another call attached" + (blank(note) ? "" : ": " + note.strip()), null);
        events.publishEvent(new IncidentChanged(incidentId, incident.cityCode(), incident.zoneCode(), "call"));
    }

    private void recordCall(long incidentId, Caller caller, Instant at, String actor) {
        long callId = incidents.addCall(incidentId, trim(caller.name()), trim(caller.number()), at, actor);
        if (!blank(caller.name()) || !blank(caller.number())) {
            audit.record("emergency.caller-recorded", "incident", Long.toString(incidentId), "call taken",
                Map.of("callId", callId));
        }
    }

    /** A panic press: a P1 incident at the premises at once; the same press retried opens nothing new. */
    @Transactional
    public PanicOutcome fromPanic(PanicButton button, String pressId) {
        // One press at a time per button, so a retry racing its original finds it.
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('emergency.panic'), cast(:id as int))").param("id", (int) button.id())
            .query(Integer.class).single();
        if (pressId != null) {
            var earlier = jdbc.sql("select incident_id from emergency.panic_press where panic_button_id = :b and press_id = :p")
                .param("b", button.id()).param("p", pressId).query(Long.class).optional();
            if (earlier.isPresent()) {
                return new PanicOutcome(earlier.get(), false);
            }
        }
        Instant now = clock.instant();
        String actor = CurrentActor.name();
        String description = "Panic button pressed at " + button.premisesName() + " (" + button.premisesKind() + "), " + button.address();
        long id = incidents.insert(new IncidentStore.NewIncident("PANIC_ALARM", Priority.P1, button.cityCode(), button.zoneCode(),
            button.location(), button.address(), button.premisesName(), description, IncidentSource.PANIC_BUTTON, button.id(),
            null, null, now, actor));
        incidents.addTimeline(id, now, actor, "OPENED", description, null);
        jdbc.sql("insert into emergency.panic_press (panic_button_id, press_id, incident_id, pressed_at) values (:b, :p, :i, :at)")
            .param("b", button.id()).param("p", pressId != null ? pressId : "incident-" + id).param("i", id)
            .param("at", java.sql.Timestamp.from(now)).update();
        opened(id, "PANIC_ALARM", Priority.P1, IncidentSource.PANIC_BUTTON,
            new Whereabouts.Place(button.cityCode(), button.zoneCode()), button.location(), now);
        return new PanicOutcome(id, true);
    }

    public record PanicOutcome(long incidentId, boolean opened) {
    }

    /** An escalated alert becomes one incident linked to it, however often the event arrives. */
    @Transactional
    long fromAlert(EscalatedAlert alert) {
        if (blank(alert.alertId())) {
            throw new IllegalArgumentException("an escalated alert needs its alert id");
        }
        // Deliveries of one alert are serialised, so a redelivery racing the first finds its incident.
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('emergency.alert'), hashtext(:alert))")
            .param("alert", alert.alertId()).query(Integer.class).single();
        var existing = incidents.findByAlert(alert.alertId());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        IncidentType type = taxonomy.type(alert.incidentType() == null ? "OTHER" : alert.incidentType())
            .filter(IncidentType::active).orElseGet(() -> taxonomy.type("OTHER").orElseThrow());
        var place = blank(alert.cityCode())
            ? whereabouts.of(alert.location()).orElseThrow(() -> new IllegalArgumentException(
                "alert " + alert.alertId() + " has no city and its location is outside the camera network"))
            : new Whereabouts.Place(alert.cityCode(), alert.zoneCode());
        Instant now = clock.instant();
        String actor = blank(alert.escalatedBy()) ? "alerts" : alert.escalatedBy();
        String summary = blank(alert.summary()) ? "Escalated alert " + alert.alertId() : alert.summary().strip();
        Priority priority = alert.priority() != null ? alert.priority() : type.defaultPriority();
        long id = incidents.insert(new IncidentStore.NewIncident(type.code(), priority, place.cityCode(),
            place.zoneCode(), alert.location(), null, null, summary, IncidentSource.ALERT, null, alert.alertId(), null,
            alert.escalatedAt() != null ? alert.escalatedAt() : now, actor));
        incidents.addTimeline(id, now, actor, "OPENED", "Opened from escalated alert " + alert.alertId() + ": " + summary, null);
        opened(id, type.code(), priority, IncidentSource.ALERT, place, alert.location(), now);
        return id;
    }

    public void opened(long id, String type, Priority priority, IncidentSource source, Whereabouts.Place place, GeoPoint location,
                Instant at) {
        events.publishEvent(new IncidentOpened(id, type, priority.name(), source.name(), place.cityCode(), place.zoneCode(),
            location, at));
        events.publishEvent(new IncidentChanged(id, place.cityCode(), place.zoneCode(), "opened"));
    }

    IncidentType activeType(String code, List<FieldError> errors) {
        if (blank(code)) {
            errors.add(new FieldError("type", "is required, such as ROBBERY, FIRE or MEDICAL"));
            return null;
        }
        var type = taxonomy.type(code.strip()).filter(IncidentType::active);
        if (type.isEmpty()) {
            errors.add(new FieldError("type", "is not a known incident type: '" + code + "'"));
            return null;
        }
        return type.get();
    }

    public static Priority priority(String given, IncidentType type, List<FieldError> errors) {
        if (blank(given)) {
            return type == null ? Priority.P4 : type.defaultPriority();
        }
        try {
            return Priority.valueOf(given.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("priority", "must be P1, P2, P3 or P4"));
            return Priority.P4;
        }
    }

    /**
     * The city and zone an incident belongs to: as given (inside the taker's jurisdiction), else the
     * taker's own, else where the camera network places the point.
     */
    public Whereabouts.Place place(GeoPoint location, String cityCode, String zoneCode) {
        Jurisdiction scope = CurrentActor.jurisdiction();
        String city = trim(cityCode);
        String zone = trim(zoneCode);
        if (city != null && !scope.covers(city, zone == null ? scope.zoneCode() : zone)) {
            throw new InvalidInput("cityCode", "is outside your jurisdiction (" + scope + ")");
        }
        if (city == null && !scope.isProvince()) {
            city = scope.cityCode();
        }
        if (zone == null && scope.zoneCode() != null) {
            zone = scope.zoneCode();
        }
        if (city == null || zone == null) {
            var located = whereabouts.of(location);
            if (city == null) {
                city = located.map(Whereabouts.Place::cityCode).orElseThrow(() -> new InvalidInput("cityCode",
                    "is needed: the location is not near any city of the camera network"));
            }
            if (zone == null && located.isPresent() && city.equals(located.get().cityCode())) {
                zone = located.get().zoneCode();
            }
        }
        if (!city.matches("[A-Z]{3}")) {
            throw new InvalidInput("cityCode", "must be a city code such as PSH");
        }
        return new Whereabouts.Place(city, zone);
    }

    private static String where(String address, String landmark) {
        String text = "";
        if (!blank(address)) {
            text += " at " + address.strip();
        }
        if (!blank(landmark)) {
            text += " (near " + landmark.strip() + ")";
        }
        return text;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}

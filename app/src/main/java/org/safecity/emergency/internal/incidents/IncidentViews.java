package org.safecity.emergency.internal.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.EmergencySettings;
import org.safecity.emergency.internal.cameras.CameraView;
import org.safecity.emergency.internal.cameras.NearbyCameras;
import org.safecity.emergency.internal.figures.BreachStore;
import org.safecity.emergency.internal.taxonomy.IncidentType;
import org.safecity.emergency.internal.taxonomy.TaxonomyStore;
import org.safecity.emergency.internal.units.UnitStatus;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The incident as people see it: with its timeline, units, nearby cameras, possible duplicates and targets. */
@Service
class IncidentViews {

    private final IncidentStore incidents;
    private final UnitStore units;
    private final TaxonomyStore taxonomy;
    private final BreachStore breaches;
    private final NearbyCameras cameras;
    private final EmergencySettings settings;
    private final AuditTrail audit;

    IncidentViews(IncidentStore incidents, UnitStore units, TaxonomyStore taxonomy, BreachStore breaches,
                  NearbyCameras cameras, EmergencySettings settings, AuditTrail audit) {
        this.incidents = incidents;
        this.units = units;
        this.taxonomy = taxonomy;
        this.breaches = breaches;
        this.cameras = cameras;
        this.settings = settings;
        this.audit = audit;
    }

    record Summary(long id, String type, String typeName, Priority priority, IncidentStatus status, String cityCode,
                   String zoneCode, GeoPoint location, String address, String landmark, String description,
                   IncidentSource source, Instant openedAt, Instant dispatchedAt, Instant arrivedAt, Long mergedInto) {
    }

    record CallView(long id, Instant receivedAt, String takenBy, boolean callerKnown) {
    }

    record CallerView(long id, Instant receivedAt, String takenBy, String callerName, String callerNumber) {
    }

    record AssignmentView(long unitId, String callSign, UnitType unitType, UnitStatus unitStatus, GeoPoint unitPosition,
                          Instant dispatchedAt, String dispatchedBy, Instant acknowledgedAt, Instant enRouteAt,
                          Instant arrivedAt, Instant clearedAt, Integer etaSeconds) {
    }

    record TargetView(int callToDispatchSeconds, int dispatchToArrivalSeconds, Instant dispatchDueAt, Instant arrivalDueAt) {
    }

    record BreachView(String measure, int targetSeconds, Instant detectedAt) {
    }

    record DuplicateView(long id, String type, IncidentStatus status, Instant openedAt, long distanceMetres, String description) {
    }

    record DispositionView(String code, String label) {
    }

    record Detail(long id, String type, String typeName, Priority priority, IncidentStatus status, String cityCode,
                  String zoneCode, GeoPoint location, String address, String landmark, String description,
                  IncidentSource source, Long panicButtonId, String alertId, String trackingId, Long mergedInto,
                  Instant openedAt, Instant dispatchedAt, Instant arrivedAt, Instant resolvedAt, Instant closedAt,
                  String openedBy, DispositionView disposition, List<CallView> calls, List<TimelineEntry> timeline, List<AssignmentView> units,
                  List<CameraView> nearbyCameras, List<DuplicateView> possibleDuplicates, TargetView targets,
                  List<BreachView> breaches) {
    }

    @Transactional(readOnly = true)
    Detail detail(long id, Jurisdiction scope) {
        var i = incidents.find(id, scope).orElseThrow(() -> new NotFound("incident", id));
        var type = taxonomy.type(i.type()).orElseThrow();
        var target = taxonomy.target(i.priority());
        var calls = incidents.calls(id).stream()
            .map(c -> new CallView(c.id(), c.receivedAt(), c.takenBy(), c.callerName() != null || c.callerNumber() != null)).toList();
        var assigned = units.assignments(id).stream().map(a -> {
            var unit = units.find(a.unitId(), Jurisdiction.PROVINCE).orElseThrow();
            return new AssignmentView(a.unitId(), a.callSign(), unit.type(), unit.status(), unit.position(), a.dispatchedAt(),
                a.dispatchedBy(), a.acknowledgedAt(), a.enRouteAt(), a.arrivedAt(), a.clearedAt(), a.etaSeconds());
        }).toList();
        var duplicates = i.status().isOpen()
            ? settings.duplicatePolicy().likelyDuplicates(i, incidents.openOfTypeSince(i.type(),
                    i.openedAt().minus(settings.duplicateWindow()), id, i.cityCode())).stream()
                .filter(d -> scope.covers(d.cityCode(), d.zoneCode()))
                .map(d -> new DuplicateView(d.id(), d.type(), d.status(), d.openedAt(),
                    Math.round(d.location().metresTo(i.location())), d.description()))
                .toList()
            : List.<DuplicateView>of();
        var targets = new TargetView((int) target.callToDispatch().toSeconds(), (int) target.dispatchToArrival().toSeconds(),
            i.openedAt().plus(target.callToDispatch()),
            i.dispatchedAt() == null ? null : i.dispatchedAt().plus(target.dispatchToArrival()));
        var missed = breaches.ofIncident(id).stream().map(b -> new BreachView(b.measure(), b.targetSeconds(), b.detectedAt())).toList();
        return new Detail(i.id(), i.type(), type.name(), i.priority(), i.status(), i.cityCode(), i.zoneCode(), i.location(),
            i.address(), i.landmark(), i.description(), i.source(), i.panicButtonId(), i.alertId(), i.trackingId(),
            i.mergedInto(), i.openedAt(), i.dispatchedAt(), i.arrivedAt(), i.resolvedAt(), i.closedAt(), i.openedBy(),
            i.disposition() == null ? null : new DispositionView(i.disposition().name(), i.disposition().label()), calls,
            incidents.timeline(id), assigned, cameras.around(i.location(), settings.cameraRadius()), duplicates, targets, missed);
    }

    /** The callers' names and numbers: personal data, so each read is recorded with its reason. */
    @Transactional
    List<CallerView> callers(long id, Jurisdiction scope, String reason) {
        incidents.find(id, scope).orElseThrow(() -> new NotFound("incident", id));
        var calls = incidents.calls(id);
        audit.record("emergency.callers-read", "incident", Long.toString(id), reason == null || reason.isBlank() ? "incident handling" : reason,
            Map.of("calls", calls.size()));
        return calls.stream().map(c -> new CallerView(c.id(), c.receivedAt(), c.takenBy(), c.callerName(), c.callerNumber())).toList();
    }

    @Transactional(readOnly = true)
    List<Summary> board(Jurisdiction scope, boolean includeClosed) {
        var names = taxonomy.types().stream().collect(java.util.stream.Collectors.toMap(IncidentType::code, IncidentType::name));
        return incidents.board(scope, includeClosed, 500).stream()
            .map(i -> new Summary(i.id(), i.type(), names.get(i.type()), i.priority(), i.status(), i.cityCode(), i.zoneCode(),
                i.location(), i.address(), i.landmark(), i.description(), i.source(), i.openedAt(), i.dispatchedAt(),
                i.arrivedAt(), i.mergedInto()))
            .toList();
    }
}

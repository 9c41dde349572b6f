package org.safecity.emergency.internal.units;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.dispatch.Assignment;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units, their crews, positions and assignments ({@code emergency.unit}, {@code unit_crew}, {@code unit_position}, {@code assignment}). */
@Repository
public class UnitStore {

    private static final String IN_JURISDICTION =
        " (cast(:city as text) is null or u.city_code = :city) and (cast(:zone as text) is null or u.zone_code = :zone) ";
    private static final String COLUMNS = "u.id, u.call_sign, u.type, u.station, u.city_code, u.zone_code, u.capabilities, "
        + "u.status, u.lat, u.lon, u.position_at, u.last_seen, u.silent_since";
    private static final String ASSIGNMENT_COLUMNS = "a.id, a.incident_id, a.unit_id, u.call_sign, a.dispatched_at, "
        + "a.dispatched_by, a.acknowledged_at, a.en_route_at, a.arrived_at, a.cleared_at, a.eta_seconds";

    private final JdbcClient jdbc;

    UnitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String callSign, UnitType type, String station, String city, String zone, List<String> capabilities, Instant at) {
        return jdbc.sql("insert into emergency.unit (call_sign, type, station, city_code, zone_code, capabilities, status, created_at) "
                + "values (:cs, :type, :station, :city, :zone, :caps, 'AVAILABLE', :at) returning id")
            .param("cs", callSign).param("type", type.name()).param("station", station).param("city", city).param("zone", zone)
            .param("caps", capabilities.toArray(String[]::new)).param("at", Timestamp.from(at))
            .query(Long.class).single();
    }

    public boolean callSignTaken(String callSign) {
        return jdbc.sql("select exists (select 1 from emergency.unit where lower(call_sign) = lower(:cs))")
            .param("cs", callSign).query(Boolean.class).single();
    }

    public Optional<Unit> find(long id, Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from emergency.unit u where u.id = :id and" + IN_JURISDICTION)
            .param("id", id).param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query(UnitStore::unit).optional();
    }

    public Optional<Unit> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from emergency.unit u where u.id = :id for update")
            .param("id", id).query(UnitStore::unit).optional();
    }

    /** Units of a city: only a city's own units are sent to its incidents. */
    public List<Unit> inCity(String city) {
        return jdbc.sql("select " + COLUMNS + " from emergency.unit u where u.city_code = :city order by u.call_sign")
            .param("city", city).query(UnitStore::unit).list();
    }

    List<Unit> list(Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from emergency.unit u where" + IN_JURISDICTION + " order by u.city_code, u.call_sign")
            .param("city", scope.cityCode()).param("zone", scope.zoneCode()).query(UnitStore::unit).list();
    }

    public void setStatus(long id, UnitStatus status) {
        jdbc.sql("update emergency.unit set status = :s where id = :id").param("s", status.name()).param("id", id).update();
    }

    /** Records a position; the unit's current position moves only forward in time. */
    void recordPosition(long id, GeoPoint point, Instant at, Instant receivedAt) {
        jdbc.sql("insert into emergency.unit_position (unit_id, at, lat, lon, received_at) values (:id, :at, :lat, :lon, :r)")
            .param("id", id).param("at", Timestamp.from(at)).param("lat", point.lat()).param("lon", point.lon())
            .param("r", Timestamp.from(receivedAt)).update();
        jdbc.sql("""
                update emergency.unit set lat = :lat, lon = :lon, position_at = :at
                where id = :id and (position_at is null or position_at <= :at)""")
            .param("id", id).param("at", Timestamp.from(at)).param("lat", point.lat()).param("lon", point.lon()).update();
        jdbc.sql("update emergency.unit set last_seen = greatest(coalesce(last_seen, :r), :r), silent_since = null where id = :id")
            .param("id", id).param("r", Timestamp.from(receivedAt)).update();
    }

    /** Units in service whose last report is older than {@code before} and not yet flagged. */
    List<Unit> newlySilent(Instant before) {
        return jdbc.sql("select " + COLUMNS + " from emergency.unit u where u.status <> 'OUT_OF_SERVICE' and u.silent_since is null "
                + "and coalesce(u.last_seen, u.created_at) < :before")
            .param("before", Timestamp.from(before)).query(UnitStore::unit).list();
    }

    void flagSilent(long id, Instant at) {
        jdbc.sql("update emergency.unit set silent_since = :at where id = :id and silent_since is null")
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void setCrew(long accountId, long unitId) {
        jdbc.sql("insert into emergency.unit_crew (account_id, unit_id) values (:a, :u) "
                + "on conflict (account_id) do update set unit_id = excluded.unit_id")
            .param("a", accountId).param("u", unitId).update();
    }

    Optional<Long> unitCrewedBy(long accountId) {
        return jdbc.sql("select unit_id from emergency.unit_crew where account_id = :a").param("a", accountId)
            .query(Long.class).optional();
    }

    List<Long> crew(long unitId) {
        return jdbc.sql("select account_id from emergency.unit_crew where unit_id = :u order by account_id").param("u", unitId)
            .query(Long.class).list();
    }

    public long assign(long incidentId, long unitId, Instant at, String by, Integer etaSeconds) {
        return jdbc.sql("insert into emergency.assignment (incident_id, unit_id, dispatched_at, dispatched_by, eta_seconds) "
                + "values (:i, :u, :at, :by, :eta) returning id")
            .param("i", incidentId).param("u", unitId).param("at", Timestamp.from(at)).param("by", by).param("eta", etaSeconds)
            .query(Long.class).single();
    }

    public Optional<Assignment> activeAssignment(long unitId) {
        return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from emergency.assignment a join emergency.unit u on u.id = a.unit_id "
                + "where a.unit_id = :u and a.cleared_at is null")
            .param("u", unitId).query(UnitStore::assignment).optional();
    }

    public List<Assignment> assignments(long incidentId) {
        return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from emergency.assignment a join emergency.unit u on u.id = a.unit_id "
                + "where a.incident_id = :i order by a.dispatched_at, a.id")
            .param("i", incidentId).query(UnitStore::assignment).list();
    }

    void acknowledge(long assignmentId, Instant at) {
        stamp(assignmentId, "acknowledged_at", at);
    }

    void enRoute(long assignmentId, Instant at) {
        stamp(assignmentId, "en_route_at", at);
    }

    void arrived(long assignmentId, Instant at) {
        stamp(assignmentId, "arrived_at", at);
    }

    public void clear(long assignmentId, Instant at) {
        stamp(assignmentId, "cleared_at", at);
    }

    public void moveAssignments(long from, long to) {
        jdbc.sql("update emergency.assignment set incident_id = :to where incident_id = :from").param("to", to).param("from", from).update();
    }

    private void stamp(long assignmentId, String column, Instant at) {
        // column is one of this class's constants, never input
        jdbc.sql("update emergency.assignment set " + column + " = coalesce(" + column + ", :at) where id = :id")
            .param("at", Timestamp.from(at)).param("id", assignmentId).update();
    }

    static Unit unit(ResultSet rs, int row) throws SQLException {
        Double lat = (Double) rs.getObject("lat");
        Double lon = (Double) rs.getObject("lon");
        return new Unit(rs.getLong("id"), rs.getString("call_sign"), UnitType.valueOf(rs.getString("type")),
            rs.getString("station"), rs.getString("city_code"), rs.getString("zone_code"), strings(rs.getArray("capabilities")),
            UnitStatus.valueOf(rs.getString("status")), lat == null || lon == null ? null : new GeoPoint(lat, lon),
            IncidentStore.instant(rs, "position_at"), IncidentStore.instant(rs, "last_seen"), IncidentStore.instant(rs, "silent_since"));
    }

    static Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), IncidentStore.instant(rs, 5),
            rs.getString(6), IncidentStore.instant(rs, 7), IncidentStore.instant(rs, 8), IncidentStore.instant(rs, 9),
            IncidentStore.instant(rs, 10), (Integer) rs.getObject(11));
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package org.safecity.emergency.internal.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incidents, their calls and timelines ({@code emergency.incident}, {@code call}, {@code timeline_entry}). */
@Repository
public class IncidentStore {

    public static final String IN_JURISDICTION =
        " (cast(:city as text) is null or i.city_code = :city) and (cast(:zone as text) is null or i.zone_code = :zone) ";
    private static final String COLUMNS = "i.id, i.type, i.priority, i.status, i.city_code, i.zone_code, i.lat, i.lon, "
        + "i.address, i.landmark, i.description, i.source, i.panic_button_id, i.alert_id, i.tracking_id, i.merged_into, "
        + "i.opened_at, i.dispatched_at, i.arrived_at, i.resolved_at, i.closed_at, i.opened_by, i.disposition";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewIncident(String type, Priority priority, String cityCode, String zoneCode, GeoPoint location,
                       String address, String landmark, String description, IncidentSource source, Long panicButtonId,
                       String alertId, String trackingId, Instant openedAt, String openedBy) {
    }

    public long insert(NewIncident n) {
        long id = jdbc.sql("select nextval('emergency.incident_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into emergency.incident (id, type, priority, status, city_code, zone_code, lat, lon, address, landmark,
                    description, source, panic_button_id, alert_id, tracking_id, opened_at, opened_by)
                values (:id, :type, :priority, 'NEW', :city, :zone, :lat, :lon, :address, :landmark, :description, :source,
                    :panic, :alert, :tracking, :openedAt, :openedBy)""")
            .param("id", id).param("type", n.type()).param("priority", n.priority().name())
            .param("city", n.cityCode()).param("zone", n.zoneCode())
            .param("lat", n.location().lat()).param("lon", n.location().lon())
            .param("address", n.address()).param("landmark", n.landmark()).param("description", n.description())
            .param("source", n.source().name()).param("panic", n.panicButtonId()).param("alert", n.alertId())
            .param("tracking", n.trackingId() != null ? n.trackingId() : ownTrackingId(id))
            .param("openedAt", Timestamp.from(n.openedAt())).param("openedBy", n.openedBy())
            .update();
        return id;
    }

    /** The EIDO incident tracking id of an incident opened here: urn:emergency:uid:incidentid:{id}:{agency}. */
    static String ownTrackingId(long id) {
        return "urn:emergency:uid:incidentid:" + id + ":safecity.kp.gov.pk";
    }

    public Optional<Incident> find(long id, Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from emergency.incident i where i.id = :id and" + IN_JURISDICTION)
            .param("id", id).param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query(IncidentStore::incident).optional();
    }

    /** The incident, locked for a change: concurrent dispatches of one incident queue behind each other. */
    public Optional<Incident> lock(long id, Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from emergency.incident i where i.id = :id and" + IN_JURISDICTION + " for update")
            .param("id", id).param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query(IncidentStore::incident).optional();
    }

    public Optional<Incident> findByTrackingId(String trackingId) {
        return jdbc.sql("select " + COLUMNS + " from emergency.incident i where i.tracking_id = :t")
            .param("t", trackingId).query(IncidentStore::incident).optional();
    }

    public Optional<Incident> findByAlert(String alertId) {
        return jdbc.sql("select " + COLUMNS + " from emergency.incident i where i.alert_id = :a")
            .param("a", alertId).query(IncidentStore::incident).optional();
    }

    /** Open incidents first (newest first), then the latest closed ones, within the jurisdiction. */
    List<Incident> board(Jurisdiction scope, boolean includeClosed, int limit) {
        return jdbc.sql("select " + COLUMNS + " from emergency.incident i where" + IN_JURISDICTION
                + (includeClosed ? "" : " and i.status not in ('RESOLVED', 'CLOSED')")
                + " order by (i.status in ('RESOLVED', 'CLOSED')), i.priority, i.opened_at desc limit :limit")
            .param("city", scope.cityCode()).param("zone", scope.zoneCode()).param("limit", limit)
            .query(IncidentStore::incident).list();
    }

    /** Open incidents of a type opened since {@code since}, other than {@code exceptId}: candidates for duplicates. */
    List<Incident> openOfTypeSince(String type, Instant since, long exceptId, String cityCode) {
        return jdbc.sql("select " + COLUMNS + " from emergency.incident i where i.type = :type and i.opened_at >= :since "
                + "and i.id <> :id and i.city_code = :city and i.status not in ('RESOLVED', 'CLOSED') order by i.opened_at")
            .param("type", type).param("since", Timestamp.from(since)).param("id", exceptId).param("city", cityCode)
            .query(IncidentStore::incident).list();
    }

    public void setStatus(long id, IncidentStatus status) {
        jdbc.sql("update emergency.incident set status = :s where id = :id").param("s", status.name()).param("id", id).update();
    }

    public void markDispatched(long id, Instant at) {
        jdbc.sql("update emergency.incident set dispatched_at = coalesce(dispatched_at, :at) where id = :id")
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void markArrived(long id, Instant at) {
        jdbc.sql("update emergency.incident set arrived_at = coalesce(arrived_at, :at) where id = :id")
            .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void markResolved(long id, Instant at, Disposition disposition) {
        jdbc.sql("update emergency.incident set status = 'RESOLVED', resolved_at = :at, disposition = :d where id = :id")
            .param("at", Timestamp.from(at)).param("d", disposition.name()).param("id", id).update();
    }

    void markClosed(long id, Instant at, Long mergedInto, Disposition disposition) {
        jdbc.sql("update emergency.incident set status = 'CLOSED', closed_at = :at, merged_into = :m, disposition = :d, "
                + "resolved_at = coalesce(resolved_at, :at) where id = :id")
            .param("at", Timestamp.from(at)).param("m", mergedInto).param("d", disposition.name()).param("id", id).update();
    }

    void setPriority(long id, Priority priority) {
        jdbc.sql("update emergency.incident set priority = :p where id = :id").param("p", priority.name()).param("id", id).update();
    }

    public long addCall(long incidentId, String name, String number, Instant at, String takenBy) {
        return jdbc.sql("insert into emergency.call (incident_id, caller_name, caller_number, received_at, taken_by) "
                + "values (:i, :n, :num, :at, :by) returning id")
            .param("i", incidentId).param("n", name).param("num", number).param("at", Timestamp.from(at)).param("by", takenBy)
            .query(Long.class).single();
    }

    public List<Call> calls(long incidentId) {
        return jdbc.sql("select id, incident_id, caller_name, caller_number, received_at, taken_by from emergency.call "
                + "where incident_id = :i order by received_at, id")
            .param("i", incidentId)
            .query((rs, n) -> new Call(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                instant(rs, 5), rs.getString(6)))
            .list();
    }

    void moveCalls(long from, long to) {
        jdbc.sql("update emergency.call set incident_id = :to where incident_id = :from").param("to", to).param("from", from).update();
    }

    public void addTimeline(long incidentId, Instant at, String actor, String kind, String text, Long unitId) {
        jdbc.sql("insert into emergency.timeline_entry (incident_id, at, actor, kind, text, unit_id) values (:i, :at, :a, :k, :t, :u)")
            .param("i", incidentId).param("at", Timestamp.from(at)).param("a", actor).param("k", kind).param("t", text)
            .param("u", unitId).update();
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return jdbc.sql("select id, at, actor, kind, text, unit_id from emergency.timeline_entry where incident_id = :i order by at, id")
            .param("i", incidentId)
            .query((rs, n) -> new TimelineEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), (Long) rs.getObject(6)))
            .list();
    }

    static Incident incident(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("type"), Priority.valueOf(rs.getString("priority")),
            IncidentStatus.valueOf(rs.getString("status")), rs.getString("city_code"), rs.getString("zone_code"),
            new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")), rs.getString("address"), rs.getString("landmark"),
            rs.getString("description"), IncidentSource.valueOf(rs.getString("source")),
            (Long) rs.getObject("panic_button_id"), rs.getString("alert_id"), rs.getString("tracking_id"),
            (Long) rs.getObject("merged_into"), instant(rs, "opened_at"), instant(rs, "dispatched_at"),
            instant(rs, "arrived_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getString("opened_by"),
            rs.getString("disposition") == null ? null : Disposition.valueOf(rs.getString("disposition")));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

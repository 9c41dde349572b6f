package org.safecity.alerts.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.identity.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.safecity.alerts.AlertPriority;
import org.safecity.alerts.AlertType;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Alerts and their timeline in {@code alerts.*}. */
@Repository
class AlertStore {

    private static final String SELECT = "select a.* from alerts.alert a";

    /** A timeline event with the alert as it was read when the event was delivered. */
    record TimelineEvent(long seq, String kind, String actor, String note, Instant at, Alert alert) {
    }

    private final JdbcClient jdbc;

    private final MeterRegistry metrics;

    AlertStore(JdbcClient jdbc, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * Appends to a timeline. Appends are serialised by a transaction lock, so sequence numbers become
     * visible in order and a console that saw event n has seen every event before n.
     */
    long append(long alertId, String kind, String actor, String note, Instant at) {
        serialise();
        return jdbc.sql("insert into alerts.alert_event (alert_id, kind, actor, note, at) values (?, ?, ?, ?, ?) returning seq")
            .params(alertId, kind, actor, note, ts(at)).query(Long.class).single();
    }

    /**
     * Holds the alerts lock until the caller's transaction ends: raising and changing alerts happen one
     * at a time, so two repeats of one plate never raise two alerts and timeline numbers commit in order.
     */
    void serialise() {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive()
            && TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction && TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(LockHeld.class::isInstance)) {
            return; // taken earlier in this transaction: a group of hits asks once, not once per alert
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('alerts.alert_event'))").query(Object.class).single();
        if (inTransaction) {
            TransactionSynchronizationManager.registerSynchronization(new LockHeld());
        }
    }

    /** Marks a transaction that holds the alerts lock (an inner, separate transaction does not see the mark). */
    private static final class LockHeld implements TransactionSynchronization {
    }

    /** Stores a new alert and the first step of its timeline in one statement; returns the alert's id. */
    long raise(Alert a, String note, Instant at) {
        serialise();
        metrics.counter("safecity.alerts.raised", "type", a.type().name()).increment();
        var s = a.subject();
        var p = a.placement();
        var m = a.match();
        return jdbc.sql("""
                with raised as (
                insert into alerts.alert (type, priority, status, plate, plate_read, person_name, analytic, camera_id, camera_name,
                    site_name, city_code, zone_code, lat, lon, list_id, list_name, entry_id, reason, sighting_id, matched_by, score,
                    count, observed_at, received_at, created_at, last_seen_at)
                values (:type, :priority, 'NEW', :plate, :plateRead, :personName, :analytic, :cameraId, :cameraName, :siteName,
                    :cityCode, :zoneCode, :lat, :lon, :listId, :listName, :entryId, :reason, :sightingId, :matchedBy, :score, 1,
                    :observedAt, :receivedAt, :createdAt, :observedAt)
                returning id)
                insert into alerts.alert_event (alert_id, kind, actor, note, at) select id, 'RAISED', 'system', :note, :at from raised
                returning alert_id""")
            .param("type", a.type().name()).param("priority", a.priority().name()).param("plate", s.plate())
            .param("plateRead", s.plateRead()).param("personName", s.personName()).param("analytic", s.analytic())
            .param("cameraId", p.cameraId()).param("cameraName", p.cameraName()).param("siteName", p.siteName())
            .param("cityCode", p.cityCode()).param("zoneCode", p.zoneCode()).param("lat", p.lat()).param("lon", p.lon())
            .param("listId", m.listId()).param("listName", m.listName()).param("entryId", m.entryId()).param("reason", a.reason())
            .param("sightingId", m.sightingId()).param("matchedBy", m.matchedBy()).param("score", m.score())
            .param("observedAt", ts(a.times().observedAt())).param("receivedAt", ts(a.times().receivedAt()))
            .param("createdAt", ts(a.times().createdAt())).param("note", note).param("at", ts(at))
            .query(Long.class).single();
    }

    /** The open (not yet escalated) alert for this plate on this list at this camera, locked for the caller's transaction. */
    Optional<Alert> openRepeatOf(long listId, long cameraId, String plate) {
        return jdbc.sql(SELECT + " where list_id = ? and camera_id = ? and plate = ? and status in ('NEW', 'ACKNOWLEDGED') "
                + "order by id desc limit 1 for update")
            .params(listId, cameraId, plate).query(AlertStore::alert).optional();
    }

    /** What repeats are counted on: the same plate on the same list at the same camera. */
    record RepeatKey(long listId, long cameraId, String plate) {
    }

    /** An open alert a repeat may be counted on, and when its plate was last seen. */
    record OpenAlert(long id, Instant lastSeenAt) {
    }

    /**
     * For a group of hits at once: the newest open alert of each key that has one, locked for the
     * caller's transaction, in one statement rather than one per hit.
     */
    /** A sighting as the alerts handle it: with the list entry it hit, or {@link #ANALYTIC} for an analytic detection. */
    record Handled(long sightingId, long entryId) {
        static final long ANALYTIC = 0;
    }

    /**
     * Marks these handled and answers those that were not handled before: a hit or an analytic handed over a
     * second time is then left alone. Called under the alerts lock, so two deliveries of one never both pass.
     */
    Set<Handled> firstHandled(Collection<Handled> handled, Instant at) {
        var first = new HashSet<Handled>();
        if (handled.isEmpty()) {
            return first;
        }
        jdbc.sql("insert into alerts.handled_sighting (sighting_id, entry_id, handled_at) select s, e, ? "
                + "from unnest(?::bigint[], ?::bigint[]) as k(s, e) on conflict do nothing returning sighting_id, entry_id")
            .params(ts(at), handled.stream().map(Handled::sightingId).toArray(Long[]::new),
                handled.stream().map(Handled::entryId).toArray(Long[]::new))
            .query((rs, n) -> first.add(new Handled(rs.getLong(1), rs.getLong(2)))).list();
        return first;
    }

    /** Forgets what was handled before the given time; answers how many were forgotten. */
    int forgetHandledBefore(Instant before) {
        return jdbc.sql("delete from alerts.handled_sighting where handled_at < ?").param(ts(before)).update();
    }

    Map<RepeatKey, OpenAlert> openRepeatsOf(Collection<RepeatKey> keys) {
        if (keys.isEmpty()) {
            return new HashMap<>();
        }
        var lists = keys.stream().map(RepeatKey::listId).toArray(Long[]::new);
        var cameras = keys.stream().map(RepeatKey::cameraId).toArray(Long[]::new);
        var plates = keys.stream().map(RepeatKey::plate).toArray(String[]::new);
        var open = new HashMap<RepeatKey, OpenAlert>();
        jdbc.sql("""
                select id, list_id, camera_id, plate, last_seen_at from alerts.alert where id in (
                    select distinct on (a.list_id, a.camera_id, a.plate) a.id from alerts.alert a
                    join unnest(?::bigint[], ?::bigint[], ?::text[]) as k(list_id, camera_id, plate)
                      on a.list_id = k.list_id and a.camera_id = k.camera_id and a.plate = k.plate
                    where a.status in ('NEW', 'ACKNOWLEDGED')
                    order by a.list_id, a.camera_id, a.plate, a.id desc)
                for update""")
            .params(lists, cameras, plates) // positional: named parameters would spread an array into a list
            .query((rs, n) -> open.put(new RepeatKey(rs.getLong("list_id"), rs.getLong("camera_id"), rs.getString("plate")),
                new OpenAlert(rs.getLong("id"), rs.getTimestamp("last_seen_at").toInstant())))
            .list();
        return open;
    }

    /** The open alert of this analytic at this camera, locked for the caller's transaction. */
    Optional<Alert> openAnalyticRepeatOf(long cameraId, String analytic) {
        return jdbc.sql(SELECT + " where type = 'ANALYTIC' and camera_id = ? and analytic = ? and status in ('NEW', 'ACKNOWLEDGED') "
                + "order by id desc limit 1 for update")
            .params(cameraId, analytic).query(AlertStore::alert).optional();
    }

    void repeated(long id, Instant observedAt) {
        jdbc.sql("update alerts.alert set count = count + 1, last_seen_at = greatest(last_seen_at, ?) where id = ?")
            .params(ts(observedAt), id).update();
    }

    Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AlertStore::alert).optional();
    }

    Optional<Alert> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(AlertStore::alert).optional();
    }

    /** Those of these alerts still NEW, locked for the caller's transaction, in id order. */
    List<Alert> lockStillNew(List<Long> ids) {
        return jdbc.sql(SELECT + " where id = any(?::bigint[]) and status = 'NEW' order by id for update")
            .param(ids.toArray(Long[]::new)).query(AlertStore::alert).list();
    }

    void moveTo(long id, AlertStatus status, String actor, Instant at, String dismissReason) {
        String column = switch (status) {
            case ACKNOWLEDGED -> "acknowledged_at = :at, assignee = :actor";
            case ESCALATED -> "escalated_at = :at";
            case DISMISSED -> "closed_at = :at, dismiss_reason = :reason";
            case CLOSED -> "closed_at = :at";
            case NEW -> throw new IllegalArgumentException("no alert goes back to NEW");
        };
        jdbc.sql("update alerts.alert set status = :status, " + column + " where id = :id")
            .param("status", status.name()).param("at", ts(at)).param("actor", actor).param("reason", dismissReason).param("id", id)
            .update();
    }

    List<Alert> list(Jurisdiction jurisdiction, List<String> statuses, Instant since, int limit) {
        var sql = new StringBuilder(SELECT + " where created_at >= :since");
        if (!statuses.isEmpty()) {
            sql.append(" and status in (:statuses)");
        }
        if (!jurisdiction.isProvince()) {
            sql.append(" and city_code = :city");
            if (jurisdiction.zoneCode() != null) {
                sql.append(" and zone_code = :zone");
            }
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        var spec = jdbc.sql(sql.toString()).param("since", ts(since)).param("limit", limit);
        if (!statuses.isEmpty()) {
            spec = spec.param("statuses", statuses);
        }
        if (!jurisdiction.isProvince()) {
            spec = spec.param("city", jurisdiction.cityCode());
            if (jurisdiction.zoneCode() != null) {
                spec = spec.param("zone", jurisdiction.zoneCode());
            }
        }
        return spec.query(AlertStore::alert).list();
    }

    List<TimelineEvent> timeline(long alertId) {
        return jdbc.sql("select e.seq, e.kind, e.actor, e.note, e.at, a.* from alerts.alert_event e join alerts.alert a on a.id = e.alert_id "
                + "where e.alert_id = ? order by e.seq").param(alertId).query(AlertStore::event).list();
    }

    /** Timeline events after {@code seq}, oldest first, each with its alert. */
    List<TimelineEvent> after(long seq, int limit) {
        return jdbc.sql("select e.seq, e.kind, e.actor, e.note, e.at, a.* from alerts.alert_event e join alerts.alert a on a.id = e.alert_id "
                + "where e.seq > ? order by e.seq limit ?").params(seq, limit).query(AlertStore::event).list();
    }

    long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from alerts.alert_event").query(Long.class).single();
    }

    /** NEW alerts of a priority raised before {@code before}: nobody acknowledged them in time. */
    List<Long> unacknowledged(AlertPriority priority, Instant before, int limit) {
        return jdbc.sql("select id from alerts.alert where status = 'NEW' and priority = ? and created_at < ? order by id limit ?")
            .params(priority.name(), ts(before), limit).query(Long.class).list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Long bigint(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Alert alert(ResultSet rs, int row) throws SQLException {
        Double lat = decimal(rs, "lat");
        Double lon = decimal(rs, "lon");
        return new Alert(rs.getLong("id"), AlertType.valueOf(rs.getString("type")), AlertPriority.valueOf(rs.getString("priority")),
            AlertStatus.valueOf(rs.getString("status")),
            new Alert.Subject(rs.getString("plate"), rs.getString("plate_read"), rs.getString("person_name"), rs.getString("analytic")),
            new Placement(rs.getLong("camera_id"), rs.getString("camera_name"), rs.getString("site_name"), rs.getString("city_code"),
                rs.getString("zone_code"), lat == null || lon == null ? null : new GeoPoint(lat, lon)),
            new Alert.Match(bigint(rs, "list_id"), rs.getString("list_name"), bigint(rs, "entry_id"), bigint(rs, "sighting_id"),
                rs.getString("matched_by"), decimal(rs, "score")),
            rs.getString("reason"), rs.getInt("count"), rs.getString("assignee"),
            new Alert.Times(instant(rs, "observed_at"), instant(rs, "received_at"), instant(rs, "created_at"), instant(rs, "last_seen_at"),
                instant(rs, "acknowledged_at"), instant(rs, "escalated_at"), instant(rs, "closed_at")),
            rs.getString("dismiss_reason"));
    }

    private static TimelineEvent event(ResultSet rs, int row) throws SQLException {
        return new TimelineEvent(rs.getLong("seq"), rs.getString("kind"), rs.getString("actor"), rs.getString("note"),
            instant(rs, "at"), alert(rs, row));
    }
}

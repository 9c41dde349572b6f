package org.safecity.registry.internal.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.internal.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Spans of each camera's presence: a signal within {@link CameraPresence#HEARD_WITHIN} of the open
 * span's end extends it; a later one starts a new span (the quiet between is a gap). Several
 * instances may report the same camera at once: the one-open-span index settles who extends.
 */
@Repository
public class PresenceLog implements CameraPresence {

    private final JdbcClient jdbc;
    private final Clock clock;

    PresenceLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a signal from the camera at {@code at}; the camera must exist. Answers whether it starts a span of presence. */
    public boolean heard(long cameraId, Instant at) {
        return heard(cameraId, at, at);
    }

    /**
     * As {@link #heard(long, Instant)}, the signal vouching for the camera until {@code until} (a check that
     * holds until the next one): the span may end ahead of now until a later signal or {@link #silent}.
     */
    public boolean heard(long cameraId, Instant at, Instant until) {
        jdbc.sql("""
                update registry.camera_presence set closed = true
                where camera_id = ? and not closed and until_at < ?::timestamptz - make_interval(secs => ?)""")
            .params(cameraId, Rows.timestamp(at), HEARD_WITHIN.toSeconds()).update();
        return jdbc.sql("""
                insert into registry.camera_presence (camera_id, from_at, until_at) values (?, ?, ?)
                on conflict (camera_id) where not closed
                do update set until_at = greatest(registry.camera_presence.until_at, excluded.until_at)
                returning xmax = 0 as started""")
            .params(cameraId, Rows.timestamp(at), Rows.timestamp(until)).query(Boolean.class).single();
    }

    /** The camera fell silent: its open span ends at its last signal. Answers whether it was heard from until now. */
    public boolean silent(long cameraId) {
        // a span vouched for ahead of now (a check) ends now: the time after was not heard
        return jdbc.sql("update registry.camera_presence set closed = true, until_at = least(until_at, ?) where camera_id = ? and not closed")
            .params(Rows.timestamp(clock.instant()), cameraId).update() > 0;
    }

    @Override
    public Map<Long, Presence> now(Collection<Long> cameraIds) {
        Instant now = clock.instant();
        Instant heardSince = now.minus(HEARD_WITHIN);
        Map<Long, Presence> answer = new HashMap<>();
        for (long id : cameraIds) {
            answer.put(id, new Presence(id, Observed.UNKNOWN, null));
        }
        if (cameraIds.isEmpty()) {
            return answer;
        }
        jdbc.sql("""
                select c.id, case when greatest(c.last_seen, p.until_at) > ? then ? else greatest(c.last_seen, p.until_at) end as last_heard,
                       p.until_at, p.closed
                from registry.camera c
                left join lateral (select until_at, closed from registry.camera_presence p
                                   where p.camera_id = c.id order by until_at desc limit 1) p on true
                where c.id = any(?)""")
            .params(Rows.timestamp(now), Rows.timestamp(now), ids(cameraIds))
            .query((rs, n) -> {
                long id = rs.getLong("id");
                Instant lastHeard = Rows.instant(rs, "last_heard");
                Instant until = Rows.instant(rs, "until_at");
                boolean open = until != null && !rs.getBoolean("closed") && !until.isBefore(heardSince);
                Observed observed = open ? Observed.ONLINE : lastHeard == null ? Observed.UNKNOWN : Observed.OFFLINE;
                return new Presence(id, observed, lastHeard);
            })
            .list().forEach(p -> answer.put(p.cameraId(), p));
        return answer;
    }

    @Override
    public Map<Long, Double> shareHeard(Collection<Long> cameraIds, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
        Map<Long, Double> answer = new HashMap<>();
        for (long id : cameraIds) {
            answer.put(id, 0.0);
        }
        if (cameraIds.isEmpty()) {
            return answer;
        }
        Instant now = clock.instant();
        // an open span heard from lately lasts until now: the camera is being heard as we ask
        jdbc.sql("""
                with spans as (
                    select camera_id, from_at,
                           case when not closed and until_at >= ?::timestamptz - make_interval(secs => ?) then ?::timestamptz
                                else until_at end as end_at
                    from registry.camera_presence
                    where camera_id = any(?) and from_at < ? and until_at >= ?::timestamptz - make_interval(secs => ?))
                select camera_id,
                       sum(greatest(0, extract(epoch from least(end_at, ?::timestamptz) - greatest(from_at, ?::timestamptz)))) as seconds
                from spans group by camera_id""")
            .params(Rows.timestamp(now), HEARD_WITHIN.toSeconds(), Rows.timestamp(now), ids(cameraIds), Rows.timestamp(to),
                Rows.timestamp(from), HEARD_WITHIN.toSeconds(), Rows.timestamp(to), Rows.timestamp(from))
            .query((rs, n) -> Map.entry(rs.getLong("camera_id"), rs.getDouble("seconds")))
            .list()
            .forEach(e -> answer.put(e.getKey(), Math.min(1.0, e.getValue() * 1000.0 / (to.toEpochMilli() - from.toEpochMilli()))));
        return answer;
    }

    /**
     * A SQL condition on the camera aliased {@code camera} (with a {@code :heardSince} parameter, now less
     * {@link CameraPresence#HEARD_WITHIN}) that holds when it is observed as {@code observed}, as {@link #now} decides.
     */
    public static String observedIs(Observed observed, String camera) {
        String open = "exists (select 1 from registry.camera_presence p where p.camera_id = " + camera
            + ".id and not p.closed and p.until_at >= :heardSince)";
        String everHeard = "(" + camera + ".last_seen is not null or exists (select 1 from registry.camera_presence p where p.camera_id = "
            + camera + ".id))";
        return switch (observed) {
            case ONLINE -> open;
            case OFFLINE -> "not " + open + " and " + everHeard;
            case UNKNOWN -> "not " + everHeard;
        };
    }

    private static Long[] ids(Collection<Long> cameraIds) {
        return cameraIds.toArray(Long[]::new);
    }
}

package org.safecity.video.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The index of recorded segments ({@code video.segment}). */
@Repository
public class SegmentStore {

    private static final String SELECT = "select id, camera_id, started_at, ended_at, path, bytes, run_started_at from video.segment ";
    /** A segment overlapping an active hold of its camera is kept. */
    private static final String NOT_HELD = " and not exists (select 1 from video.hold h where h.camera_id = s.camera_id"
        + " and h.released_at is null and h.from_at < s.ended_at and h.to_at > s.started_at)";

    private final JdbcClient jdbc;

    SegmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long cameraId, Instant start, Instant end, String path, long bytes, Instant runStartedAt, String node) {
        return jdbc.sql("""
                insert into video.segment (camera_id, started_at, ended_at, path, bytes, run_started_at, node)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (path) do update set bytes = excluded.bytes returning id""")
            .params(cameraId, ts(start), ts(end), path, bytes, ts(runStartedAt), node).query(Long.class).single();
    }

    /** Segments of a camera overlapping the range, in order. */
    public List<Segment> overlapping(long cameraId, Instant from, Instant to) {
        return jdbc.sql(SELECT + "where camera_id = ? and started_at < ? and ended_at > ? order by started_at")
            .params(cameraId, ts(to), ts(from)).query(SegmentStore::map).list();
    }

    public Optional<Segment> find(long cameraId, long id) {
        return jdbc.sql(SELECT + "where camera_id = ? and id = ?").params(cameraId, id).query(SegmentStore::map).optional();
    }

    public Optional<Segment> latest(long cameraId) {
        return jdbc.sql(SELECT + "where camera_id = ? order by started_at desc limit 1").param(cameraId).query(SegmentStore::map).optional();
    }

    /** Cameras with recordings and their bytes on disk. */
    public Map<Long, Long> bytesByCamera() {
        return jdbc.sql("select camera_id, sum(bytes) from video.segment group by camera_id")
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The oldest segments of these cameras that no hold covers and that ended before {@code before}, oldest first. */
    public List<Segment> deletable(Collection<Long> cameraIds, Instant before, int limit) {
        if (cameraIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select s.id, s.camera_id, s.started_at, s.ended_at, s.path, s.bytes, s.run_started_at from video.segment s "
                + "where s.camera_id = any (?) and s.ended_at < ?" + NOT_HELD + " order by s.started_at limit ?")
            .params(cameraIds.toArray(Long[]::new), ts(before), limit).query(SegmentStore::map).list();
    }

    public void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from video.segment where id = any (?)").param(ids.toArray(Long[]::new)).update();
        }
    }

    public static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Segment map(ResultSet rs, int n) throws SQLException {
        return new Segment(rs.getLong("id"), rs.getLong("camera_id"), rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("ended_at").toInstant(), rs.getString("path"), rs.getLong("bytes"),
            rs.getTimestamp("run_started_at").toInstant());
    }
}

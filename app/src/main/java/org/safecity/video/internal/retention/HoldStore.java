package org.safecity.video.internal.retention;

import static org.safecity.video.internal.SegmentStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds on footage ({@code video.hold}). */
@Repository
class HoldStore {

    private static final String SELECT = """
        select id, camera_id, from_at, to_at, kind, reference, reason, created_by, created_at, released_at, released_by
        from video.hold""";

    private final JdbcClient jdbc;

    HoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a hold; one with the same kind, reference and camera is not added twice (answers empty then). */
    Optional<Long> insert(long cameraId, Instant from, Instant to, String kind, String reference, String reason, String by, Instant at) {
        return jdbc.sql("""
                insert into video.hold (camera_id, from_at, to_at, kind, reference, reason, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kind, reference, camera_id) where reference is not null do nothing returning id""")
            .params(cameraId, ts(from), ts(to), kind, reference, reason, by, ts(at)).query(Long.class).optional();
    }

    Optional<Hold> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(HoldStore::map).optional();
    }

    List<Hold> ofCamera(long cameraId) {
        return jdbc.sql(SELECT + " where camera_id = ? order by from_at desc").param(cameraId).query(HoldStore::map).list();
    }

    boolean release(long id, String by, Instant at) {
        return jdbc.sql("update video.hold set released_at = ?, released_by = ? where id = ? and released_at is null")
            .params(ts(at), by, id).update() == 1;
    }

    private static Hold map(ResultSet rs, int n) throws SQLException {
        return new Hold(rs.getLong("id"), rs.getLong("camera_id"), rs.getTimestamp("from_at").toInstant(),
            rs.getTimestamp("to_at").toInstant(), rs.getString("kind"), rs.getString("reference"), rs.getString("reason"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("released_at")),
            rs.getString("released_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

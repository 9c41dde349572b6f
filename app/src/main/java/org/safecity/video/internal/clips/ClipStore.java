package org.safecity.video.internal.clips;

import static org.safecity.video.internal.SegmentStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exported clips ({@code video.clip}). */
@Repository
class ClipStore {

    private final JdbcClient jdbc;

    ClipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Clip c) {
        jdbc.sql("""
                insert into video.clip (id, camera_id, from_at, to_at, case_id, status, requested_by, requested_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
            .params(c.id(), c.cameraId(), ts(c.from()), ts(c.to()), c.caseId(), c.requestedBy(), ts(c.requestedAt())).update();
    }

    void ready(UUID id, long bytes, String sha256, String path, UUID evidenceItemId, Instant firstFrameAt, Instant lastFrameAt, Instant at) {
        jdbc.sql("""
                update video.clip set status = 'READY', bytes = ?, sha256 = ?, path = ?, evidence_item_id = ?, first_frame_at = ?,
                    last_frame_at = ?, finished_at = ?
                where id = ?""").params(bytes, sha256, path, evidenceItemId, ts(firstFrameAt), ts(lastFrameAt), ts(at), id).update();
    }

    void failed(UUID id, String error, Instant at) {
        jdbc.sql("update video.clip set status = 'FAILED', error = ?, finished_at = ? where id = ?").params(error, ts(at), id).update();
    }

    Optional<Clip> find(UUID id) {
        return jdbc.sql("select * from video.clip where id = ?").param(id).query(ClipStore::map).optional();
    }

    private static Clip map(ResultSet rs, int n) throws SQLException {
        return new Clip(rs.getObject("id", UUID.class), rs.getLong("camera_id"), rs.getTimestamp("from_at").toInstant(),
            rs.getTimestamp("to_at").toInstant(), rs.getObject("case_id", UUID.class), rs.getString("status"),
            (Long) rs.getObject("bytes"), rs.getString("sha256"), rs.getString("path"), rs.getObject("evidence_item_id", UUID.class),
            rs.getString("error"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
            instant(rs, "finished_at"), instant(rs, "first_frame_at"), instant(rs, "last_frame_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}

package org.safecity.traffic.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rules and offence policies, in {@code traffic.rule} and {@code traffic.offence_policy}. */
@Repository
class RuleStore {

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OffencePolicy(String offence, Double autoIssueConfidence, int approvalsRequired) {
    }

    long insert(Rule r) {
        return jdbc.sql("""
                insert into traffic.rule (camera_id, kind, offence, approach, signal_camera_id, cycle_seconds, red_from_seconds,
                  red_to_seconds, cycle_epoch, limit_kmh, tolerance_kmh, entry_camera_id, distance_m, allowed_direction,
                  analytic_type, enabled, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?) returning id""")
            .params(r.cameraId(), r.kind().name(), r.offence(), r.approach(), r.signalCameraId(), r.cycleSeconds(), r.redFromSeconds(),
                r.redToSeconds(), ts(r.cycleEpoch()), r.limitKmh(), r.toleranceKmh(), r.entryCameraId(), r.distanceM(),
                r.allowedDirection(), r.analyticType(), r.createdBy(), ts(r.createdAt()))
            .query(Long.class).single();
    }

    List<Rule> all() {
        return jdbc.sql("select * from traffic.rule order by id").query(RuleStore::rule).list();
    }

    Optional<Rule> find(long id) {
        return jdbc.sql("select * from traffic.rule where id = ?").param(id).query(RuleStore::rule).optional();
    }

    boolean disable(long id) {
        return jdbc.sql("update traffic.rule set enabled = false where id = ? and enabled").param(id).update() == 1;
    }

    /** Enabled rules that a detection of any of these cameras may concern: as rule camera, signal source or section entry. */
    List<Rule> concerning(Collection<Long> cameraIds) {
        if (cameraIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = cameraIds.toArray(Long[]::new);
        return jdbc.sql("""
                select * from traffic.rule where enabled
                  and (camera_id = any(?) or signal_camera_id = any(?) or entry_camera_id = any(?))""")
            .params(ids, ids, ids).query(RuleStore::rule).list();
    }

    OffencePolicy policy(String offence) {
        return jdbc.sql("select offence, auto_issue_confidence, approvals_required from traffic.offence_policy where offence = ?")
            .param(offence).query(RuleStore::policy).optional().orElse(new OffencePolicy(offence, null, 1));
    }

    List<OffencePolicy> policies() {
        return jdbc.sql("select offence, auto_issue_confidence, approvals_required from traffic.offence_policy order by offence")
            .query(RuleStore::policy).list();
    }

    void savePolicy(OffencePolicy p, String by, Instant at) {
        jdbc.sql("""
                insert into traffic.offence_policy (offence, auto_issue_confidence, approvals_required, updated_by, updated_at)
                values (?, ?, ?, ?, ?) on conflict (offence) do update set auto_issue_confidence = excluded.auto_issue_confidence,
                  approvals_required = excluded.approvals_required, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
            .params(p.offence(), p.autoIssueConfidence(), p.approvalsRequired(), by, ts(at)).update();
    }

    private static OffencePolicy policy(ResultSet rs, int n) throws SQLException {
        return new OffencePolicy(rs.getString("offence"), (Double) rs.getObject("auto_issue_confidence"), rs.getInt("approvals_required"));
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        return new Rule(rs.getLong("id"), rs.getLong("camera_id"), Rule.Kind.valueOf(rs.getString("kind")), rs.getString("offence"),
            rs.getString("approach"), (Long) rs.getObject("signal_camera_id"), (Integer) rs.getObject("cycle_seconds"),
            (Integer) rs.getObject("red_from_seconds"), (Integer) rs.getObject("red_to_seconds"), instant(rs, "cycle_epoch"),
            (Integer) rs.getObject("limit_kmh"), (Integer) rs.getObject("tolerance_kmh"), (Long) rs.getObject("entry_camera_id"),
            (Integer) rs.getObject("distance_m"), rs.getString("allowed_direction"), rs.getString("analytic_type"),
            rs.getBoolean("enabled"), rs.getString("created_by"), instant(rs, "created_at"));
    }
}

package org.safecity.traffic.internal.rules;

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
public class RuleStore {

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OffencePolicy(String offence, Double autoIssueConfidence, int approvalsRequired) {
    }

    public long insert(Rule r) {
        return jdbc.sql("""
                insert into traffic.rule (camera_id, kind, offence, parameters, also_watches, enabled, created_by, created_at)
                values (?, ?, ?, ?::jsonb, ?, true, ?, ?) returning id""")
            .params(r.cameraId(), r.kind(), r.offence(), RuleParameters.json(r.type()), r.type().alsoWatches().toArray(Long[]::new),
                r.createdBy(), ts(r.createdAt()))
            .query(Long.class).single();
    }

    public List<Rule> all() {
        return jdbc.sql("select * from traffic.rule order by id").query(RuleStore::rule).list();
    }

    Optional<Rule> find(long id) {
        return jdbc.sql("select * from traffic.rule where id = ?").param(id).query(RuleStore::rule).optional();
    }

    boolean disable(long id) {
        return jdbc.sql("update traffic.rule set enabled = false where id = ? and enabled").param(id).update() == 1;
    }

    /** Enabled rules that a detection of any of these cameras may concern: as the rule's camera or one it also watches. */
    List<Rule> concerning(Collection<Long> cameraIds) {
        if (cameraIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = cameraIds.toArray(Long[]::new);
        return jdbc.sql("""
                select * from traffic.rule where enabled and (camera_id = any(?) or also_watches && ?)""")
            .params(ids, ids).query(RuleStore::rule).list();
    }

    public OffencePolicy policy(String offence) {
        return jdbc.sql("select offence, auto_issue_confidence, approvals_required from traffic.offence_policy where offence = ?")
            .param(offence).query(RuleStore::policy).optional().orElse(new OffencePolicy(offence, null, 1));
    }

    public List<OffencePolicy> policies() {
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

    public static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        return new Rule(rs.getLong("id"), rs.getLong("camera_id"), rs.getString("offence"),
            RuleParameters.fromJson(rs.getString("kind"), rs.getString("parameters")), rs.getBoolean("enabled"),
            rs.getString("created_by"), instant(rs, "created_at"));
    }
}

package org.safecity.video.internal.retention;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Retention rules per city and per camera ({@code video.retention_rule}). */
@Repository
class RetentionRuleStore {

    private final JdbcClient jdbc;

    RetentionRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RetentionRule> all() {
        return jdbc.sql("select scope, subject, days, quota_bytes from video.retention_rule order by scope, subject")
            .query((rs, n) -> new RetentionRule(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                (Long) rs.getObject(4))).list();
    }

    void put(RetentionRule rule) {
        jdbc.sql("""
                insert into video.retention_rule (scope, subject, days, quota_bytes) values (?, ?, ?, ?)
                on conflict (scope, subject) do update set days = excluded.days, quota_bytes = excluded.quota_bytes""")
            .params(rule.scope(), rule.subject(), rule.days(), rule.quotaBytes()).update();
    }
}

package org.safecity.identity.internal;

import java.util.Collection;
import java.util.List;
import org.safecity.identity.AuditReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link AuditReading} from the audit table. */
@Component
class ReadingAuditEntries implements AuditReading {

    private final JdbcClient jdbc;

    ReadingAuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Entry> about(String targetType, Collection<String> targetIds, int limit) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select seq, at, actor, action, target_type, target_id, reason from identity.audit_entry "
                + "where target_type = ? and target_id = any(string_to_array(?, '|')) order by seq desc limit ?")
            .params(targetType, String.join("|", targetIds), limit)
            .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7)))
            .list();
    }
}

package org.safecity.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes every audit entry's hash from its fields and its predecessor and reports the first
 * entry that was changed, removed or inserted out of order.
 */
@Component
class AuditChainVerification {

    private static final int BATCH = 5_000;
    private final JdbcClient jdbc;

    AuditChainVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Result(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
    }

    @Transactional(readOnly = true)
    Result verify() {
        byte[] previous = HashChainedAuditTrail.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            var batch = jdbc.sql("""
                    select seq, at, actor, address, action, target_type, target_id, reason, details, previous_hash, hash
                    from identity.audit_entry where seq >= ? order by seq limit ?""")
                .params(expectedSeq, BATCH).query(AuditChainVerification::map).list();
            if (batch.isEmpty()) {
                return new Result(true, checked, null, null);
            }
            for (var stored : batch) {
                if (stored.entry().seq() != expectedSeq) {
                    return new Result(false, checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!Arrays.equals(stored.previousHash(), previous)) {
                    return new Result(false, checked, expectedSeq, "entry " + expectedSeq + " does not follow entry " + (expectedSeq - 1));
                }
                byte[] recomputed = HashChainedAuditTrail.hash(previous, stored.entry());
                if (!Arrays.equals(recomputed, stored.hash())) {
                    return new Result(false, checked, expectedSeq, "entry " + expectedSeq + " was altered after it was written");
                }
                previous = stored.hash();
                expectedSeq++;
                checked++;
            }
        }
    }

    private record Stored(HashChainedAuditTrail.AuditRecord entry, byte[] previousHash, byte[] hash) {
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        var entry = new HashChainedAuditTrail.AuditRecord(rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
            rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("target_type"),
            rs.getString("target_id"), rs.getString("reason"), rs.getString("details"));
        return new Stored(entry, rs.getBytes("previous_hash"), rs.getBytes("hash"));
    }
}

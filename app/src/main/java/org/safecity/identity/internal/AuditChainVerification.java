package org.safecity.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import org.safecity.anchors.Anchors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes every audit entry's hash from its fields and its predecessor and reports the first
 * entry that was changed, removed or inserted out of order; then compares the trail with its newest
 * anchor outside the database, which is what notices the newest entries removed (the chain alone
 * still looks whole when its end is cut off).
 */
@Component
class AuditChainVerification {

    private static final int BATCH = 5_000;
    private final JdbcClient jdbc;
    private final Anchors anchors;

    AuditChainVerification(JdbcClient jdbc, Anchors anchors) {
        this.jdbc = jdbc;
        this.anchors = anchors;
    }

    /**
     * @param anchoredThrough the entry the newest anchor outside the database names; null before the first anchor
     * @param anchoredAt when that anchor was made
     */
    record Result(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem, Long anchoredThrough,
                  Instant anchoredAt) {
    }

    @Transactional(readOnly = true)
    Result verify() {
        var chain = verifyChain();
        var anchor = anchors.check("audit");
        Long through = anchor.newest() == null ? null : anchor.newest().position();
        Instant at = anchor.newest() == null ? null : anchor.newest().at();
        if (!chain.intact() || anchor.intact()) {
            return new Result(chain.intact(), chain.entriesChecked(), chain.firstBrokenSeq(), chain.problem(), through, at);
        }
        // cut off: the first entry that is gone; rewritten consistently: the anchored entry, which no longer matches
        long firstBroken = chain.entriesChecked() < through ? chain.entriesChecked() + 1 : through;
        return new Result(false, chain.entriesChecked(), firstBroken, anchor.problem(), through, at);
    }

    private record Chain(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
    }

    private Chain verifyChain() {
        byte[] previous = HashChainedAuditTrail.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            var batch = jdbc.sql("""
                    select seq, at, actor, address, action, target_type, target_id, reason, details, previous_hash, hash
                    from identity.audit_entry where seq >= ? order by seq limit ?""")
                .params(expectedSeq, BATCH).query(AuditChainVerification::map).list();
            if (batch.isEmpty()) {
                return new Chain(true, checked, null, null);
            }
            for (var stored : batch) {
                if (stored.entry().seq() != expectedSeq) {
                    return new Chain(false, checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!Arrays.equals(stored.previousHash(), previous)) {
                    return new Chain(false, checked, expectedSeq, "entry " + expectedSeq + " does not follow entry " + (expectedSeq - 1));
                }
                byte[] recomputed = HashChainedAuditTrail.hash(previous, stored.entry());
                if (!Arrays.equals(recomputed, stored.hash())) {
                    return new Chain(false, checked, expectedSeq, "entry " + expectedSeq + " was altered after it was written");
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

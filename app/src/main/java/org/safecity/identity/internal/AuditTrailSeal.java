package org.safecity.identity.internal;

import java.util.HexFormat;
import java.util.Optional;
import org.safecity.anchors.LogHead;
import org.safecity.anchors.SealedLog;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail as an anchored log: its head is the newest entry, whose hash covers every entry
 * before it. Entries are numbered from 1 without gaps, so the head's seq is also the count.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // anchored after the other logs, whose sealing is itself audited
class AuditTrailSeal implements SealedLog {

    private final JdbcClient jdbc;

    AuditTrailSeal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Optional<LogHead> seal() {
        return jdbc.sql("select seq, hash from identity.audit_entry order by seq desc limit 1")
            .query((rs, row) -> new LogHead(rs.getLong(1), rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)))).optional();
    }

    @Override
    public Optional<String> missing(LogHead anchored) {
        var stored = jdbc.sql("select hash from identity.audit_entry where seq = ?").param(anchored.position())
            .query((rs, row) -> HexFormat.of().formatHex(rs.getBytes(1))).optional();
        if (stored.isEmpty()) {
            long last = jdbc.sql("select coalesce(max(seq), 0) from identity.audit_entry").query(Long.class).single();
            return Optional.of(last < anchored.position()
                ? "audit entries " + (last + 1) + " to " + anchored.position() + " are missing (the trail ends at entry " + last + ")"
                : "audit entry " + anchored.position() + " is missing");
        }
        if (!stored.get().equals(anchored.head())) {
            return Optional.of("audit entry " + anchored.position() + " is not the one that was anchored: the trail was rewritten");
        }
        return Optional.empty();
    }
}

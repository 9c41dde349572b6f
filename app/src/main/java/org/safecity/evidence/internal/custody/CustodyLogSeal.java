package org.safecity.evidence.internal.custody;

import java.util.HexFormat;
import java.util.Optional;
import org.safecity.anchors.LogHead;
import org.safecity.anchors.SealedLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The custody log as an anchored log. It has many chains (one per item), so sealing it makes a
 * signed checkpoint of every chain's head (as before), and the anchor holds that checkpoint: the
 * checkpoint's hash covers its list of heads, which the integrity check compares with the chains.
 */
@Component
class CustodyLogSeal implements SealedLog {

    private final SealingCustodyLog sealing;
    private final JdbcClient jdbc;

    CustodyLogSeal(SealingCustodyLog sealing, JdbcClient jdbc) {
        this.sealing = sealing;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "custody";
    }

    @Override
    public Optional<LogHead> seal() {
        return sealing.seal().map(c -> new LogHead(c.seq(), c.entries(), HexFormat.of().formatHex(c.hash())));
    }

    @Override
    public Optional<String> missing(LogHead anchored) {
        var stored = jdbc.sql("select hash from evidence.checkpoint where seq = ?").param(anchored.position())
            .query((rs, row) -> HexFormat.of().formatHex(rs.getBytes(1))).optional();
        if (stored.isEmpty()) {
            return Optional.of("custody checkpoint " + anchored.position() + " is missing: the custody log was cut back");
        }
        if (!stored.get().equals(anchored.head())) {
            return Optional.of("custody checkpoint " + anchored.position() + " is not the one that was anchored: the custody log was rewritten");
        }
        long entries = jdbc.sql("select count(*) from evidence.custody_entry").query(Long.class).single();
        if (entries < anchored.entries()) {
            return Optional.of((anchored.entries() - entries) + " custody entries are missing (" + entries + " in the database)");
        }
        return Optional.empty();
    }
}

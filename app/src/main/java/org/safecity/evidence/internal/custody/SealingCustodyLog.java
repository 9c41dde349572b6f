package org.safecity.evidence.internal.custody;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.identity.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals the custody log: signs a checkpoint of every chain's head, linked to the checkpoint
 * before it. Nothing new since the last checkpoint means nothing to seal. A chain rewritten
 * after it was sealed no longer matches the signed heads, which the integrity check reports.
 */
@Component
public class SealingCustodyLog {

    private static final long SEAL_LOCK = 0x5afe5ea1L;
    static final String COLUMNS = "seq, at, chains, entries, heads, heads_digest, previous_hash, hash, public_key, signature";

    private final JdbcClient jdbc;
    private final SigningKey key;
    private final AuditTrail audit;
    private final Clock clock;

    SealingCustodyLog(JdbcClient jdbc, SigningKey key, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.audit = audit;
        this.clock = clock;
    }

    /** Signs a new checkpoint if the log grew since the last one; returns the latest checkpoint either way (empty: empty log). */
    @Transactional
    public Optional<Checkpoint> seal() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(SEAL_LOCK).query().singleRow();
        var last = latest();
        // Sealed every minute: the log only grows and its seqs have no gaps, so the same count means the same heads
        if (last.isPresent() && jdbc.sql("select count(*) from evidence.custody_entry").query(Long.class).single() == last.get().entries()) {
            return last;
        }
        var heads = new StringBuilder();
        int[] chains = {0};
        long[] entries = {0};
        var hex = HexFormat.of();
        jdbc.sql("select distinct on (item_id) item_id, seq, hash from evidence.custody_entry order by item_id, seq desc")
            .query(rs -> {
                heads.append(rs.getObject(1)).append(' ').append(rs.getInt(2)).append(' ').append(hex.formatHex(rs.getBytes(3))).append('\n');
                chains[0]++;
                entries[0] += rs.getInt(2);
            });
        if (chains[0] == 0) {
            return last;
        }
        byte[] headsDigest = Checkpoint.digest(heads.toString());
        if (last.isPresent() && java.util.Arrays.equals(last.get().headsDigest(), headsDigest)) {
            return last;
        }
        long seq = last.map(c -> c.seq() + 1).orElse(1L);
        byte[] previous = last.map(Checkpoint::hash).orElse(Checkpoint.GENESIS);
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] statement = Checkpoint.statement(seq, at, chains[0], entries[0], headsDigest, previous)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var checkpoint = new Checkpoint(seq, at, chains[0], entries[0], heads.toString(), headsDigest, previous,
            ContentStore.sha256().digest(statement), key.publicKeyPem(), key.sign(statement));
        jdbc.sql("insert into evidence.checkpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(seq, Timestamp.from(at), checkpoint.chains(), checkpoint.entries(), checkpoint.heads(), headsDigest, previous,
                checkpoint.hash(), checkpoint.publicKey(), checkpoint.signature())
            .update();
        audit.record("evidence.custody-sealed", "checkpoint", Long.toString(seq), null,
            Map.of("chains", checkpoint.chains(), "entries", checkpoint.entries()));
        return Optional.of(checkpoint);
    }

    public java.util.List<Checkpoint> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from evidence.checkpoint order by seq desc limit ?").param(limit)
            .query(SealingCustodyLog::map).list();
    }

    Optional<Checkpoint> latest() {
        return jdbc.sql("select " + COLUMNS + " from evidence.checkpoint order by seq desc limit 1")
            .query(SealingCustodyLog::map).optional();
    }

    static Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getInt("chains"), rs.getLong("entries"),
            rs.getString("heads"), rs.getBytes("heads_digest"), rs.getBytes("previous_hash"), rs.getBytes("hash"),
            rs.getString("public_key"), rs.getBytes("signature"));
    }
}

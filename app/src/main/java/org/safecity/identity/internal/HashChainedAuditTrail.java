package org.safecity.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to {@code identity.audit_entry}. Appends are serialised by a transaction-scoped advisory
 * lock so each entry's hash covers its predecessor's; the table itself refuses updates and deletes.
 */
@Component
class HashChainedAuditTrail implements AuditTrail {

    static final byte[] GENESIS = new byte[32];
    private static final long CHAIN_LOCK = 0x5afec17aL;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    HashChainedAuditTrail(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String targetType, String targetId, String reason, Map<String, ?> details) {
        append(new AuditRecord(0, clock.instant().truncatedTo(ChronoUnit.MICROS), CurrentActor.name(), clientAddress(),
            action, targetType, targetId, reason, json.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details))));
    }

    private void append(AuditRecord entry) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var last = jdbc.sql("select seq, hash from identity.audit_entry order by seq desc limit 1")
            .query((rs, row) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).optional();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        byte[] previous = last.map(r -> (byte[]) r[1]).orElse(GENESIS);
        var sealed = entry.withSeq(seq);
        jdbc.sql("""
                insert into identity.audit_entry
                  (seq, at, actor, address, action, target_type, target_id, reason, details, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(seq, Timestamp.from(sealed.at()), sealed.actor(), sealed.address(), sealed.action(), sealed.targetType(),
                sealed.targetId(), sealed.reason(), sealed.details(), previous, hash(previous, sealed))
            .update();
    }

    static byte[] hash(byte[] previous, AuditRecord entry) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(entry.canonical().getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** One entry as hashed: every field, in a fixed order, separated by a character no field contains. */
    record AuditRecord(long seq, Instant at, String actor, String address, String action, String targetType,
                       String targetId, String reason, String details) {

        AuditRecord withSeq(long value) {
            return new AuditRecord(value, at, actor, address, action, targetType, targetId, reason, details);
        }

        String canonical() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
            return String.join("\u001f", Long.toString(seq), Long.toString(micros), nz(actor), nz(address), nz(action),
                nz(targetType), nz(targetId), nz(reason), nz(details));
        }

        private static String nz(String value) {
            return value == null ? "\u0000" : value;
        }
    }
}

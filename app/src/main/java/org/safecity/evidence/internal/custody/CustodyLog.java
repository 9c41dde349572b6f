package org.safecity.evidence.internal.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only custody log ({@code evidence.custody_entry}): one hash chain per item, so an
 * item's history can leave SafeCity in an export and be checked on its own. Appends to one item
 * are serialised by locking the item's row; the table refuses updates and deletes.
 */
@Component
public class CustodyLog {

    private static final String COLUMNS = "item_id, seq, at, action, actor, recipient, reason, details, previous_hash, hash";
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    CustodyLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** Appends an entry in the caller's transaction (which then holds the item's row lock until it ends). */
    @Transactional(propagation = Propagation.MANDATORY)
    public CustodyEntry append(UUID itemId, CustodyAction action, String actor, String recipient, String reason, Map<String, ?> details) {
        jdbc.sql("select id from evidence.item where id = ? for update").param(itemId).query(UUID.class).single();
        var last = jdbc.sql("select seq, hash from evidence.custody_entry where item_id = ? order by seq desc limit 1")
            .param(itemId).query((rs, row) -> new Object[] {rs.getInt(1), rs.getBytes(2)}).optional();
        int seq = last.map(r -> (Integer) r[0] + 1).orElse(1);
        byte[] previous = last.map(r -> (byte[]) r[1]).orElse(CustodyEntry.GENESIS);
        String detailText = json.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
        var unsealed = new CustodyEntry(itemId, seq, clock.instant().truncatedTo(ChronoUnit.MICROS), action.label(), actor,
            blankToNull(recipient), blankToNull(reason), detailText, previous, null);
        var entry = new CustodyEntry(itemId, seq, unsealed.at(), unsealed.action(), actor, unsealed.recipient(), unsealed.reason(),
            detailText, previous, unsealed.recomputedHash());
        jdbc.sql("insert into evidence.custody_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(itemId, seq, Timestamp.from(entry.at()), entry.action(), actor, entry.recipient(), entry.reason(), detailText,
                previous, entry.hash())
            .update();
        return entry;
    }

    public List<CustodyEntry> of(UUID itemId) {
        return jdbc.sql("select " + COLUMNS + " from evidence.custody_entry where item_id = ? order by seq")
            .param(itemId).query(CustodyLog::map).list();
    }

    /** Every entry, item by item in seq order, without loading the whole log at once. */
    void forEachChain(Consumer<List<CustodyEntry>> chain) {
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            var items = jdbc.sql("select id from evidence.item " + (first ? "" : "where id > ? ") + "order by id limit 500")
                .params(first ? List.of() : List.of(after)).query(UUID.class).list();
            if (items.isEmpty()) {
                return;
            }
            for (UUID item : items) {
                chain.accept(of(item));
            }
            after = items.getLast();
            first = false;
        }
    }

    static CustodyEntry map(ResultSet rs, int row) throws SQLException {
        return new CustodyEntry(rs.getObject("item_id", UUID.class), rs.getInt("seq"), rs.getTimestamp("at").toInstant(),
            rs.getString("action"), rs.getString("actor"), rs.getString("recipient"), rs.getString("reason"),
            rs.getString("details"), rs.getBytes("previous_hash"), rs.getBytes("hash"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

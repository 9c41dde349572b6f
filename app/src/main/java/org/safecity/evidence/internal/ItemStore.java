package org.safecity.evidence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safecity.evidence.EvidenceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Items in {@code evidence.item}: what was received, its hold, and whether it was disposed of. */
@Repository
public class ItemStore {

    private static final String COLUMNS = "id, case_id, sha256, size, media_type, kind, source_module, original_name, description, "
        + "collected_by, collected_at, place, received_at, received_by, legal_hold, hold_reason, disposed_at, city_code, zone_code";
    private final JdbcClient jdbc;

    ItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EvidenceItem item) {
        jdbc.sql("insert into evidence.item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(item.id(), item.caseId(), item.sha256(), item.size(), item.mediaType(), item.kind().name(), item.sourceModule(),
                item.originalName(), item.description(), item.collectedBy(), Timestamp.from(item.collectedAt()), item.place(),
                Timestamp.from(item.receivedAt()), item.receivedBy(), item.legalHold(), item.holdReason(), null, item.cityCode(),
                item.zoneCode())
            .update();
    }

    public Optional<EvidenceItem> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence.item where id = ?").param(id).query(ItemStore::map).optional();
    }

    public List<EvidenceItem> ofCase(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from evidence.item where case_id = ? order by received_at, id")
            .param(caseId).query(ItemStore::map).list();
    }

    /** Retained items received before {@code receivedBefore} of one kind, oldest first: candidates for disposal. */
    List<EvidenceItem> retainedOfKindReceivedBefore(EvidenceKind kind, Instant receivedBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + " from evidence.item where disposed_at is null and kind = ? and received_at < ? "
                + "order by received_at limit ?")
            .params(kind.name(), Timestamp.from(receivedBefore), limit).query(ItemStore::map).list();
    }

    /** Items not yet disposed of, a page at a time in id order. */
    public List<EvidenceItem> retainedAfter(UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from evidence.item where disposed_at is null and id > ? order by id limit ?")
            .params(after, limit).query(ItemStore::map).list();
    }

    public void setHold(UUID id, boolean hold, String reason) {
        jdbc.sql("update evidence.item set legal_hold = ?, hold_reason = ? where id = ?").params(hold, reason, id).update();
    }

    public void markDisposed(UUID id, Instant at) {
        jdbc.sql("update evidence.item set disposed_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    public boolean retainedWithContent(String sha256) {
        return jdbc.sql("select count(*) from evidence.item where sha256 = ? and disposed_at is null").param(sha256)
            .query(Long.class).single() > 0;
    }

    /** Locks the item's row until the transaction ends, so hold and disposal cannot interleave. */
    public Optional<EvidenceItem> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence.item where id = ? for update").param(id).query(ItemStore::map).optional();
    }

    static EvidenceItem map(ResultSet rs, int row) throws SQLException {
        Timestamp disposed = rs.getTimestamp("disposed_at");
        return new EvidenceItem(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("sha256"),
            rs.getLong("size"), rs.getString("media_type"), EvidenceKind.valueOf(rs.getString("kind")), rs.getString("source_module"),
            rs.getString("original_name"), rs.getString("description"), rs.getString("collected_by"),
            rs.getTimestamp("collected_at").toInstant(), rs.getString("place"), rs.getTimestamp("received_at").toInstant(),
            rs.getString("received_by"), rs.getBoolean("legal_hold"), rs.getString("hold_reason"),
            disposed == null ? null : disposed.toInstant(), rs.getString("city_code"), rs.getString("zone_code"));
    }
}

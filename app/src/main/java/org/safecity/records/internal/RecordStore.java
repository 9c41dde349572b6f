package org.safecity.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class RecordStore {

    static final String COLUMNS = "r.id, r.source_id, s.code source_code, s.name source_name, r.source_record_id, r.version, r.kind, "
        + "r.fields::text fields, r.received_at, r.received_via, r.current, r.open";
    static final String FROM = " from records.record r join records.source s on s.id = r.source_id ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hash a version was received with, if it was. */
    Optional<String> hashOf(long sourceId, String sourceRecordId, String version) {
        return jdbc.sql("select content_hash from records.record where source_id = ? and source_record_id = ? and version = ?")
            .params(sourceId, sourceRecordId, version).query(String.class).optional();
    }

    /** Stores a new version as the record's current one; the version before stays, no longer current. */
    long insert(long sourceId, String sourceRecordId, String version, String hash, RecordKind kind, Map<String, String> fields,
                boolean open, Instant at, String via, long importRunId) {
        jdbc.sql("update records.record set current = false where source_id = ? and source_record_id = ? and current")
            .params(sourceId, sourceRecordId).update();
        return jdbc.sql("""
                insert into records.record (source_id, source_record_id, version, content_hash, kind, fields, received_at, received_via,
                  import_run_id, current, open)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, true, ?) returning id""")
            .params(sourceId, sourceRecordId, version, hash, kind.name(), JSON.writeValueAsString(new TreeMap<>(fields)), Timestamp.from(at),
                via, importRunId, open)
            .query(Long.class).single();
    }

    /** The current version before this one of the same record, if any (to close what it opened). */
    Optional<StoredRecord> previous(long sourceId, String sourceRecordId, long before) {
        return jdbc.sql("select " + COLUMNS + FROM + "where r.source_id = ? and r.source_record_id = ? and r.id < ? order by r.id desc limit 1")
            .params(sourceId, sourceRecordId, before).query(RecordStore::record).optional();
    }

    void addKeys(long recordId, Collection<Map.Entry<String, String>> keys) {
        for (var key : keys) {
            jdbc.sql("insert into records.record_key (record_id, kind, value) values (?, ?, ?) on conflict do nothing")
                .params(recordId, key.getKey(), key.getValue()).update();
        }
    }

    Optional<StoredRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where r.id = ?").param(id).query(RecordStore::record).optional();
    }

    List<StoredRecord> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + "where r.id = any(string_to_array(?, ',')::bigint[]) order by r.received_at desc, r.id desc")
            .param(String.join(",", ids.stream().map(String::valueOf).toList())).query(RecordStore::record).list();
    }

    /** Every version of one record of a source, newest first. */
    List<StoredRecord> versions(long sourceId, String sourceRecordId) {
        return jdbc.sql("select " + COLUMNS + FROM + "where r.source_id = ? and r.source_record_id = ? order by r.id desc")
            .params(sourceId, sourceRecordId).query(RecordStore::record).list();
    }

    /** Current records found by a key, at most {@code limit}. Values may not hold {@code |}, which separates them here. */
    List<Long> byKey(String kind, Collection<String> values, int limit) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select k.record_id from records.record_key k join records.record r on r.id = k.record_id
                where k.kind = ? and k.value = any(string_to_array(?, '|')) and r.current limit ?""")
            .params(kind, String.join("|", values), limit).query(Long.class).list();
    }

    static StoredRecord record(ResultSet rs, int n) throws SQLException {
        Map<String, String> fields = JSON.readValue(rs.getString("fields"), new TypeReference<Map<String, String>>() { });
        return new StoredRecord(rs.getLong("id"), rs.getLong("source_id"), rs.getString("source_code"), rs.getString("source_name"),
            rs.getString("source_record_id"), rs.getString("version"), RecordKind.valueOf(rs.getString("kind")), fields,
            SourceStore.instant(rs, "received_at"), rs.getString("received_via"), rs.getBoolean("current"), rs.getBoolean("open"));
    }
}

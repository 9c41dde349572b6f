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
import org.safecity.records.internal.sources.ReceivingRecords;
import org.safecity.records.internal.sources.SourceStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RecordStore {

    static final String COLUMNS = "r.id, r.source_id, s.code source_code, s.name source_name, r.source_record_id, r.version, r.kind, "
        + "r.fields::text fields, r.received_at, r.received_via, r.current, r.open";
    static final String FROM = " from records.record r join records.source s on s.id = r.source_id ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hashes the given (record id, version) pairs of a source were received with, by {@code id + "\0" + version}. */
    public Map<String, String> hashesOf(long sourceId, List<Map.Entry<String, String>> idAndVersion) {
        var hashes = new java.util.HashMap<String, String>();
        if (idAndVersion.isEmpty()) {
            return hashes;
        }
        var pairs = idAndVersion.stream().map(e -> Map.of("id", e.getKey(), "version", e.getValue())).toList();
        jdbc.sql("""
                select r.source_record_id, r.version, r.content_hash
                from jsonb_to_recordset(cast(? as jsonb)) as x(id text, version text)
                join records.record r on r.source_id = ? and r.source_record_id = x.id and r.version = x.version""")
            .params(JSON.writeValueAsString(pairs), sourceId)
            .query(rs -> {
                hashes.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3));
            });
        return hashes;
    }

    /** The current versions of a source's records, by the source's record id: what a new version follows. */
    public Map<String, StoredRecord> currentOf(long sourceId, Collection<String> sourceRecordIds) {
        var current = new java.util.HashMap<String, StoredRecord>();
        if (sourceRecordIds.isEmpty()) {
            return current;
        }
        jdbc.sql("select " + COLUMNS + FROM + "join jsonb_array_elements_text(cast(? as jsonb)) x(id) on r.source_record_id = x.id "
                + "where r.source_id = ? and r.current")
            .params(JSON.writeValueAsString(sourceRecordIds), sourceId).query(RecordStore::record).list()
            .forEach(r -> current.put(r.sourceRecordId(), r));
        return current;
    }

    /**
     * Stores new versions, one each of distinct records, as their records' current ones (the versions before
     * stay, no longer current), in one statement; answers each new row's id by the source's record id.
     */
    public Map<String, Long> insertAll(long sourceId, List<ReceivingRecords.Arriving> rows, Instant at, String via, long importRunId) {
        var ids = new java.util.HashMap<String, Long>();
        if (rows.isEmpty()) {
            return ids;
        }
        var payload = new java.util.ArrayList<Map<String, Object>>(rows.size());
        for (var a : rows) {
            payload.add(Map.of("id", a.id(), "version", a.version(), "hash", a.hash(), "kind", a.kind().name(), "fields",
                new TreeMap<>(a.fields()), "open", a.record().open()));
        }
        String json = JSON.writeValueAsString(payload);
        jdbc.sql("""
                update records.record r set current = false from jsonb_array_elements(cast(? as jsonb)) x
                where r.source_id = ? and r.source_record_id = x ->> 'id' and r.current""")
            .params(json, sourceId).update();
        jdbc.sql("""
                insert into records.record (source_id, source_record_id, version, content_hash, kind, fields, received_at, received_via,
                  import_run_id, current, open)
                select ?, x.id, x.version, x.hash, x.kind, x.fields, ?, ?, ?, true, x.open
                from jsonb_to_recordset(cast(? as jsonb)) as x(id text, version text, hash text, kind text, fields jsonb, open boolean)
                returning id, source_record_id""")
            .params(sourceId, Timestamp.from(at), via, importRunId, json)
            .query(rs -> {
                ids.put(rs.getString(2), rs.getLong(1));
            });
        return ids;
    }

    /** What a record is found by: one of its keys. */
    public record Key(long recordId, String kind, String value) {
    }

    public void addKeys(List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        var payload = keys.stream().map(k -> Map.of("r", k.recordId(), "k", k.kind(), "v", k.value())).toList();
        jdbc.sql("""
                insert into records.record_key (record_id, kind, value)
                select x.r, x.k, x.v from jsonb_to_recordset(cast(? as jsonb)) as x(r bigint, k text, v text) on conflict do nothing""")
            .param(JSON.writeValueAsString(payload)).update();
    }

    Optional<StoredRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where r.id = ?").param(id).query(RecordStore::record).optional();
    }

    public List<StoredRecord> findAll(Collection<Long> ids) {
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
    public List<Long> byKey(String kind, Collection<String> values, int limit) {
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

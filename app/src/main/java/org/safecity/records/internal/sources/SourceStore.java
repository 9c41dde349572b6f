package org.safecity.records.internal.sources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.records.internal.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class SourceStore {

    private static final String COLUMNS = "id, code, name, owner, description, retention_days, kinds, mapping::text mapping, pull_url, "
        + "pull_every_minutes, last_pulled_at, key_issued_at, created_by, created_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Source s) {
        return jdbc.sql("""
                insert into records.source (code, name, owner, description, retention_days, kinds, mapping, pull_url, pull_every_minutes,
                  created_by, created_at)
                values (?, ?, ?, ?, ?, string_to_array(?, ','), cast(? as jsonb), ?, ?, ?, ?) returning id""")
            .params(s.code(), s.name(), s.owner(), s.description(), s.retentionDays(), kinds(s.kinds()), JSON.writeValueAsString(s.mapping()),
                s.pullUrl(), s.pullEveryMinutes(), s.createdBy(), Timestamp.from(s.createdAt()))
            .query(Long.class).single();
    }

    void update(Source s) {
        jdbc.sql("""
                update records.source set name = ?, owner = ?, description = ?, retention_days = ?, kinds = string_to_array(?, ','), mapping = cast(? as jsonb),
                  pull_url = ?, pull_every_minutes = ? where id = ?""")
            .params(s.name(), s.owner(), s.description(), s.retentionDays(), kinds(s.kinds()), JSON.writeValueAsString(s.mapping()),
                s.pullUrl(), s.pullEveryMinutes(), s.id())
            .update();
    }

    Optional<Source> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from records.source where id = ?").param(id).query(SourceStore::source).optional();
    }

    public Optional<Source> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from records.source where code = ?").param(code).query(SourceStore::source).optional();
    }

    Optional<Source> findByKeyHash(byte[] hash) {
        return jdbc.sql("select " + COLUMNS + " from records.source where key_hash = ?").param(hash).query(SourceStore::source).optional();
    }

    List<Source> all() {
        return jdbc.sql("select " + COLUMNS + " from records.source order by code").query(SourceStore::source).list();
    }

    void setKey(long id, byte[] hash, Instant at) {
        jdbc.sql("update records.source set key_hash = ?, key_issued_at = ? where id = ?").params(hash, Timestamp.from(at), id).update();
    }

    void pulled(long id, Instant at) {
        jdbc.sql("update records.source set last_pulled_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    private static String kinds(List<RecordKind> kinds) {
        return String.join(",", kinds.stream().map(Enum::name).toList());
    }

    private static Source source(ResultSet rs, int n) throws SQLException {
        var kinds = Arrays.stream((String[]) rs.getArray("kinds").getArray()).map(RecordKind::valueOf).toList();
        Map<String, String> mapping = JSON.readValue(rs.getString("mapping"), new TypeReference<Map<String, String>>() { });
        return new Source(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("owner"), rs.getString("description"),
            rs.getInt("retention_days"), kinds, mapping, rs.getString("pull_url"), (Integer) rs.getObject("pull_every_minutes"),
            instant(rs, "last_pulled_at"), instant(rs, "key_issued_at"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists and entries in {@code watchlists.*}. */
@Repository
class WatchlistStore {

    private static final String LIST = "select id, name, type, kind, owner, city_code, priority, fuzzy, face_threshold, expires_at, "
        + "created_at from watchlists.list";
    private static final String ENTRY = "select id, list_id, plate, plate_as_written, cnic, person_name, embedding, face_model, "
        + "reason, expires_at, added_by, created_at from watchlists.entry";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    WatchlistStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(NewList list, String owner) {
        return jdbc.sql("""
                insert into watchlists.list (name, type, kind, owner, city_code, priority, fuzzy, face_threshold, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(list.name(), list.type().name(), list.kind().name(), owner, list.cityCode(), list.priority().name(),
                list.fuzzy(), list.faceThreshold(), timestamp(list.expiresAt()))
            .query(Long.class).single();
    }

    Optional<Watchlist> find(long id) {
        return jdbc.sql(LIST + " where id = ?").param(id).query(WatchlistStore::list).optional();
    }

    List<Watchlist> all() {
        return jdbc.sql(LIST + " order by id").query(WatchlistStore::list).list();
    }

    long insert(NewEntry entry, long listId, String addedBy) {
        return jdbc.sql("""
                insert into watchlists.entry (list_id, plate, plate_as_written, cnic, person_name, embedding, face_model, reason,
                                              expires_at, added_by)
                values (?, ?, ?, ?, ?, ?::real[], ?, ?, ?, ?) returning id""")
            .params(listId, entry.plate(), entry.plateAsWritten(), entry.cnic(), entry.personName(), array(entry.embedding()),
                entry.faceModel(), entry.reason(), timestamp(entry.expiresAt()), addedBy)
            .query(Long.class).single();
    }

    Optional<Entry> findEntry(long id) {
        return jdbc.sql(ENTRY + " where id = ? and removed_at is null").param(id).query(WatchlistStore::entry).optional();
    }

    /** Which of these identities (normalised plates, CNICs: {@link NewEntry#identity()}) the list holds now, with their entry ids. */
    Map<String, Long> listed(long listId, List<String> identities) {
        var listed = new HashMap<String, Long>();
        if (identities.isEmpty()) {
            return listed;
        }
        String[] wanted = identities.toArray(String[]::new);
        jdbc.sql("""
                select coalesce(plate, cnic), id from watchlists.entry
                where list_id = ? and (plate = any(?) or cnic = any(?)) and removed_at is null""")
            .params(listId, wanted, wanted)
            .query(rs -> {
                listed.put(rs.getString(1), rs.getLong(2));
            });
        return listed;
    }

    /** An entry as it was stored, removed or not: what to take out of the index. */
    Optional<Entry> findEntryEvenRemoved(long id) {
        return jdbc.sql(ENTRY + " where id = ?").param(id).query(WatchlistStore::entry).optional();
    }

    List<Entry> entries(long listId, int limit, int offset) {
        return jdbc.sql(ENTRY + " where list_id = ? and removed_at is null order by id limit ? offset ?")
            .params(listId, limit, offset).query(WatchlistStore::entry).list();
    }

    long count(long listId) {
        return jdbc.sql("select count(*) from watchlists.entry where list_id = ? and removed_at is null").param(listId)
            .query(Long.class).single();
    }

    boolean remove(long entryId, Instant at) {
        return jdbc.sql("update watchlists.entry set removed_at = ? where id = ? and removed_at is null")
            .params(timestamp(at), entryId).update() == 1;
    }

    /** Streams every entry in service, for loading the index without holding the rows twice. */
    void eachActive(Consumer<Entry> consumer) {
        stream(ENTRY + " where removed_at is null", consumer);
    }

    /** Streams the entries in service of one list with ids in a range (those one transaction added, and any between). */
    void eachActive(long listId, long firstId, long lastId, Consumer<Entry> consumer) {
        stream(ENTRY + " where list_id = ? and id between ? and ? and removed_at is null", consumer, listId, firstId, lastId);
    }

    private void stream(String sql, Consumer<Entry> consumer, Object... params) {
        var streaming = new JdbcTemplate(template.getDataSource());
        streaming.setFetchSize(10_000); // PostgreSQL streams with a cursor only inside a transaction: the caller opens one
        streaming.query(sql, rs -> {
            consumer.accept(entry(rs, 0));
        }, params);
    }

    private static String array(float[] values) {
        if (values == null) {
            return null;
        }
        var text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append('}').toString();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Watchlist list(ResultSet rs, int row) throws SQLException {
        return new Watchlist(rs.getLong("id"), rs.getString("name"), WatchlistHit.ListType.valueOf(rs.getString("type")),
            Watchlist.Kind.valueOf(rs.getString("kind")), rs.getString("owner"), rs.getString("city_code"),
            WatchlistHit.Priority.valueOf(rs.getString("priority")), rs.getBoolean("fuzzy"), rs.getDouble("face_threshold"),
            instant(rs, "expires_at"), instant(rs, "created_at"));
    }

    static Entry entry(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("embedding");
        float[] embedding = null;
        if (array != null) {
            Object[] values = (Object[]) array.getArray();
            embedding = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                embedding[i] = ((Number) values[i]).floatValue();
            }
        }
        return new Entry(rs.getLong("id"), rs.getLong("list_id"), rs.getString("plate"), rs.getString("plate_as_written"),
            rs.getString("cnic"), rs.getString("person_name"), embedding, rs.getString("face_model"), rs.getString("reason"),
            instant(rs, "expires_at"), rs.getString("added_by"), instant(rs, "created_at"));
    }
}

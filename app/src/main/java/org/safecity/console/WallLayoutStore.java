package org.safecity.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Wall layouts in {@code console.wall_layout}; a layout is only ever read with its owner's account id. */
@Repository
class WallLayoutStore {

    private static final String COLUMNS = "id, account_id, name, size, screens, tiles::text as tiles, sequence::text as sequence, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WallLayoutStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<WallLayout> of(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from console.wall_layout where account_id = :me order by name, id")
            .param("me", accountId).query(this::layout).list();
    }

    Optional<WallLayout> find(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from console.wall_layout where id = :id and account_id = :me")
            .param("id", id).param("me", accountId).query(this::layout).optional();
    }

    int count(long accountId) {
        return jdbc.sql("select count(*) from console.wall_layout where account_id = :me").param("me", accountId).query(Integer.class).single();
    }

    long insert(WallLayout l) {
        return jdbc.sql("""
                insert into console.wall_layout (account_id, name, size, screens, tiles, sequence, updated_at)
                values (:me, :name, :size, :screens, :tiles::jsonb, :sequence::jsonb, :at) returning id""")
            .params(values(l)).query(Long.class).single();
    }

    /** Changes a layout of this account; false when it has none of this id. */
    boolean update(WallLayout l) {
        return jdbc.sql("""
                update console.wall_layout set name = :name, size = :size, screens = :screens, tiles = :tiles::jsonb,
                sequence = :sequence::jsonb, updated_at = :at where id = :id and account_id = :me""")
            .params(values(l)).param("id", l.id()).update() == 1;
    }

    boolean delete(long accountId, long id) {
        return jdbc.sql("delete from console.wall_layout where id = :id and account_id = :me")
            .param("id", id).param("me", accountId).update() == 1;
    }

    private Map<String, Object> values(WallLayout l) {
        var values = new LinkedHashMap<String, Object>();
        values.put("me", l.accountId());
        values.put("name", l.name());
        values.put("size", l.size());
        values.put("screens", l.screens());
        values.put("tiles", json.writeValueAsString(l.tiles().stream().map(WallLayoutStore::stored).toList()));
        values.put("sequence", l.sequence() == null ? null : json.writeValueAsString(stored(l.sequence())));
        values.put("at", Timestamp.from(l.updatedAt()));
        return values;
    }

    private static Map<String, Object> stored(WallTile tile) {
        return switch (tile) {
            case WallTile.Camera c -> Map.of("cameraId", c.cameraId());
            case WallTile.Sequence s -> Map.of("groupId", s.groupId(), "seconds", s.seconds());
            case WallTile.Empty e -> null;
        };
    }

    private static WallTile tile(JsonNode node) {
        if (node == null || node.isNull()) {
            return new WallTile.Empty();
        }
        if (node.has("cameraId")) {
            return new WallTile.Camera(node.get("cameraId").asLong());
        }
        return new WallTile.Sequence(node.get("groupId").asLong(), node.get("seconds").asInt());
    }

    private WallLayout layout(ResultSet rs, int row) throws SQLException {
        var tiles = new ArrayList<WallTile>();
        json.readTree(rs.getString("tiles")).forEach(node -> tiles.add(tile(node)));
        String sequence = rs.getString("sequence");
        return new WallLayout(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getInt("size"), rs.getInt("screens"),
            List.copyOf(tiles), sequence == null ? null : (WallTile.Sequence) tile(json.readTree(sequence)),
            rs.getTimestamp("updated_at").toInstant());
    }
}

package org.safecity.registry.internal.places;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safecity.registry.internal.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.safecity.storage.Where;

/** Zones (police station areas) in {@code registry.zone}. */
@Repository
public class ZoneStore {

    private static final String SELECT = "select id, city_code, code, name, lat, lon, retired_at, retire_reason from registry.zone";

    private final JdbcClient jdbc;

    ZoneStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Zone> list(String cityCode, boolean includeRetired) {
        var where = new Where();
        if (cityCode != null) {
            where.and("city_code = :city", "city", cityCode);
        }
        if (!includeRetired) {
            where.and("retired_at is null");
        }
        return jdbc.sql(SELECT + where.where() + " order by city_code, code").params(where.params()).query(ZoneStore::map).list();
    }

    public Optional<Zone> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ZoneStore::map).optional();
    }

    public Optional<Zone> find(String cityCode, String code) {
        return jdbc.sql(SELECT + " where city_code = ? and code = ?").params(cityCode, code).query(ZoneStore::map).optional();
    }

    public long insert(String cityCode, String code, String name, Double lat, Double lon) {
        return jdbc.sql("insert into registry.zone (city_code, code, name, lat, lon) values (?, ?, ?, ?, ?) returning id")
            .params(cityCode, code, name, lat, lon).query(Long.class).single();
    }

    void update(long id, String name, Double lat, Double lon) {
        jdbc.sql("update registry.zone set name = ?, lat = ?, lon = ? where id = ?").params(name, lat, lon, id).update();
    }

    void retire(long id, Instant at, String reason) {
        jdbc.sql("update registry.zone set retired_at = ?, retire_reason = ? where id = ?")
            .params(Rows.timestamp(at), reason, id).update();
    }

    private static Zone map(ResultSet rs, int row) throws SQLException {
        return new Zone(rs.getLong("id"), rs.getString("city_code"), rs.getString("code"), rs.getString("name"),
            Rows.point(rs, "lat", "lon"), Rows.instant(rs, "retired_at"), rs.getString("retire_reason"));
    }
}

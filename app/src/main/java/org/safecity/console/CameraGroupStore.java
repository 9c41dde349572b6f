package org.safecity.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.safecity.identity.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Camera groups in {@code console.camera_group}. */
@Repository
class CameraGroupStore {

    private static final String COLUMNS = "id, owner_id, owner_name, name, kind, site_id, camera_ids, shared, city_code, zone_code, updated_at";

    private final JdbcClient jdbc;

    CameraGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The groups offered to a person: their own, and the shared ones of an overlapping jurisdiction. */
    List<CameraGroup> offeredTo(long accountId, Jurisdiction reader) {
        return jdbc.sql("select " + COLUMNS + " from console.camera_group"
                + " where owner_id = :me or (shared and (:city::text is null or city_code is null or city_code = :city)) order by name, id")
            .param("me", accountId).param("city", reader.cityCode())
            .query(CameraGroupStore::group).list().stream()
            .filter(g -> g.offeredTo(accountId, reader)).toList();
    }

    Optional<CameraGroup> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from console.camera_group where id = :id").param("id", id)
            .query(CameraGroupStore::group).optional();
    }

    int countOwnedBy(long accountId) {
        return jdbc.sql("select count(*) from console.camera_group where owner_id = :me").param("me", accountId).query(Integer.class).single();
    }

    long insert(CameraGroup g) {
        return jdbc.sql("""
                insert into console.camera_group (owner_id, owner_name, name, kind, site_id, camera_ids, shared, city_code, zone_code, updated_at)
                values (:owner, :ownerName, :name, :kind, :site, :cameras, :shared, :city, :zone, :at) returning id""")
            .params(values(g)).param("owner", g.ownerId()).param("ownerName", g.ownerName())
            .query(Long.class).single();
    }

    void update(CameraGroup g) {
        jdbc.sql("""
                update console.camera_group set name = :name, kind = :kind, site_id = :site, camera_ids = :cameras, shared = :shared,
                city_code = :city, zone_code = :zone, updated_at = :at where id = :id""")
            .params(values(g)).param("id", g.id()).update();
    }

    void delete(long id) {
        jdbc.sql("delete from console.camera_group where id = :id").param("id", id).update();
    }

    private static java.util.Map<String, Object> values(CameraGroup g) {
        var values = new java.util.HashMap<String, Object>();
        values.put("name", g.name());
        values.put("kind", g.kind().name());
        values.put("site", g.siteId());
        values.put("cameras", g.cameraIds().toArray(Long[]::new));
        values.put("shared", g.shared());
        values.put("city", g.scope().cityCode());
        values.put("zone", g.scope().zoneCode());
        values.put("at", Timestamp.from(g.updatedAt()));
        return values;
    }

    private static CameraGroup group(ResultSet rs, int row) throws SQLException {
        Long[] cameras = (Long[]) rs.getArray("camera_ids").getArray();
        long site = rs.getLong("site_id");
        Long siteId = rs.wasNull() ? null : site;
        String city = rs.getString("city_code");
        return new CameraGroup(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("owner_name"), rs.getString("name"),
            CameraGroup.Kind.valueOf(rs.getString("kind")), siteId, List.copyOf(Arrays.asList(cameras)), rs.getBoolean("shared"),
            city == null ? Jurisdiction.PROVINCE : new Jurisdiction(city, rs.getString("zone_code")),
            rs.getTimestamp("updated_at").toInstant());
    }
}

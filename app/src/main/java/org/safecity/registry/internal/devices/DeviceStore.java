package org.safecity.registry.internal.devices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.safecity.identity.Jurisdiction;
import org.safecity.registry.internal.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Devices and the hashes of their keys in {@code registry.device}. */
@Repository
class DeviceStore {

    private static final String SELECT = """
        select d.id, d.name, d.created_at, d.revoked_at, d.last_used_at,
               array(select dc.camera_id from registry.device_camera dc where dc.device_id = d.id order by dc.camera_id) as cameras
        from registry.device d""";

    /** Jurisdiction#permits in SQL: no camera of the device stands outside the scope. */
    private static final String WITHIN = """
        (cast(:city as text) is null or not exists (
            select 1 from registry.device_camera wc join registry.camera w on w.id = wc.camera_id
            join registry.site ws on ws.id = w.site_id
            where wc.device_id = d.id
              and (ws.city_code is distinct from :city or (cast(:zone as text) is not null and ws.zone_code is distinct from :zone))))""";

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Device(long id, String name, Set<Long> cameraIds, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    long insert(String name, byte[] keyHash, Instant at, Set<Long> cameraIds) {
        long id = jdbc.sql("insert into registry.device (name, key_hash, created_at) values (?, ?, ?) returning id")
            .params(name, keyHash, Timestamp.from(at)).query(Long.class).single();
        for (long camera : cameraIds) {
            jdbc.sql("insert into registry.device_camera (device_id, camera_id) values (?, ?)").params(id, camera).update();
        }
        return id;
    }

    /** The devices all of whose cameras lie within {@code scope}: a device is its cameras' place. */
    List<Device> list(Jurisdiction scope, int limit, long offset) {
        return jdbc.sql(SELECT + " where " + WITHIN + " order by d.id limit :limit offset :offset")
            .param("city", scope.cityCode()).param("zone", scope.zoneCode()).param("limit", limit).param("offset", offset)
            .query(this::map).list();
    }

    long count(Jurisdiction scope) {
        return jdbc.sql("select count(*) from registry.device d where " + WITHIN)
            .param("city", scope.cityCode()).param("zone", scope.zoneCode()).query(Long.class).single();
    }

    /** Where the device's cameras stand, one place per city and zone; what decides who may manage it. */
    List<Jurisdiction> places(long id) {
        return jdbc.sql("""
                select distinct s.city_code, s.zone_code from registry.device_camera dc
                join registry.camera c on c.id = dc.camera_id join registry.site s on s.id = c.site_id
                where dc.device_id = ?""")
            .param(id).query((rs, n) -> new Jurisdiction(rs.getString(1), rs.getString(2))).list();
    }

    Optional<Device> find(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).optional();
    }

    Optional<Device> findActiveByKeyHash(byte[] keyHash) {
        return jdbc.sql(SELECT + " where d.key_hash = ? and d.revoked_at is null").param(keyHash).query(this::map).optional();
    }

    /** The key was presented at {@code at}; written at most once a minute per device, as devices report every few seconds. */
    void used(long id, Instant at) {
        jdbc.sql("""
                update registry.device set last_used_at = ?
                where id = ? and (last_used_at is null or last_used_at < ?)""")
            .params(Timestamp.from(at), id, Timestamp.from(at.minusSeconds(60))).update();
    }

    void revoke(long id, Instant at) {
        jdbc.sql("update registry.device set revoked_at = ? where id = ? and revoked_at is null").params(Timestamp.from(at), id).update();
    }

    private Device map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Long[] cameras = (Long[]) rs.getArray("cameras").getArray();
        return new Device(rs.getLong("id"), rs.getString("name"), new TreeSet<>(Arrays.asList(cameras)),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "revoked_at"), Rows.instant(rs, "last_used_at"));
    }
}

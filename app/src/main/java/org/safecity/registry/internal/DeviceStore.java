package org.safecity.registry.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Devices and the hashes of their keys in {@code registry.device}. */
@Repository
class DeviceStore {

    private static final String SELECT = """
        select d.id, d.name, d.created_at, d.revoked_at,
               array(select dc.camera_id from registry.device_camera dc where dc.device_id = d.id order by dc.camera_id) as cameras
        from registry.device d""";

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Device(long id, String name, Set<Long> cameraIds, Instant createdAt, Instant revokedAt) {
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

    List<Device> list(int limit, long offset) {
        return jdbc.sql(SELECT + " order by d.id limit ? offset ?").params(limit, offset).query(this::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from registry.device").query(Long.class).single();
    }

    Optional<Device> find(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).optional();
    }

    Optional<Device> findActiveByKeyHash(byte[] keyHash) {
        return jdbc.sql(SELECT + " where d.key_hash = ? and d.revoked_at is null").param(keyHash).query(this::map).optional();
    }

    void revoke(long id, Instant at) {
        jdbc.sql("update registry.device set revoked_at = ? where id = ? and revoked_at is null").params(Timestamp.from(at), id).update();
    }

    private Device map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Long[] cameras = (Long[]) rs.getArray("cameras").getArray();
        return new Device(rs.getLong("id"), rs.getString("name"), new TreeSet<>(Arrays.asList(cameras)),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "revoked_at"));
    }
}

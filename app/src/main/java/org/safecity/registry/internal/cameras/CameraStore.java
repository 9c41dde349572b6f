package org.safecity.registry.internal.cameras;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.Rows;
import org.safecity.registry.internal.Visibility;
import org.safecity.registry.internal.sites.SiteKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.safecity.storage.Where;

/** Cameras in {@code registry.camera}; the encrypted credentials are read only by {@link #credentials(long)}. */
@Repository
public class CameraStore {

    private static final String SELECT = """
        select c.id, c.site_id, s.name as site_name, s.kind as site_kind, s.city_code, ci.name as city_name, s.zone_code,
               s.phase, c.name, c.make, c.model, c.resolution, c.type, c.heading, c.field_of_view, c.main_stream,
               c.sub_stream, c.credentials is not null as has_credentials, c.owner, c.partner_id, c.status,
               c.installed_on, c.last_seen, coalesce(c.lat, s.lat) as lat, coalesce(c.lon, s.lon) as lon,
               c.retired_at, c.retire_reason, c.onvif_address
        from registry.camera c join registry.site s on s.id = c.site_id join registry.city ci on ci.code = s.city_code""";
    private static final String INSERT = """
        insert into registry.camera (site_id, name, make, model, resolution, type, heading, field_of_view, main_stream,
                                     sub_stream, credentials, owner, partner_id, status, installed_on, last_seen, lat, lon,
                                     onvif_address)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CameraStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public List<Camera> list(CameraQuery query, Visibility visibility, long limit, long offset) {
        var where = filter(query, visibility);
        String page = limit < 0 ? "" : " limit " + limit + " offset " + offset;
        return jdbc.sql(SELECT + where.where() + " order by c.id" + page).params(where.params()).query(CameraStore::map).list();
    }

    long count(CameraQuery query, Visibility visibility) {
        var where = filter(query, visibility);
        return jdbc.sql("select count(*) from registry.camera c join registry.site s on s.id = c.site_id" + where.where())
            .params(where.params()).query(Long.class).single();
    }

    public Optional<Camera> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(CameraStore::map).optional();
    }

    /** Cameras in service whose position lies in the box; the caller narrows to a circle. */
    List<Camera> inBox(double minLat, double maxLat, double minLon, double maxLon) {
        return jdbc.sql(SELECT + " " + """
                 where c.retired_at is null and s.retired_at is null
                   and coalesce(c.lat, s.lat) between ? and ? and coalesce(c.lon, s.lon) between ? and ?""")
            .params(minLat, maxLat, minLon, maxLon).query(CameraStore::map).list();
    }

    /** Which of these ids are cameras in service. */
    public List<Long> inService(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from registry.camera where retired_at is null and id in (:ids)")
            .param("ids", ids).query(Long.class).list();
    }

    long insert(CameraDraft draft, byte[] credentials) {
        return jdbc.sql(INSERT + " returning id").params(values(draft, credentials)).query(Long.class).single();
    }

    /** Inserts many cameras in JDBC batches; {@code credentials} gives each its encrypted credentials or null. */
    public void insertAll(List<CameraDraft> drafts, Function<CameraDraft, byte[]> credentials) {
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (CameraDraft d : drafts) {
            rows.add(values(d, credentials.apply(d)));
        }
        for (int from = 0; from < rows.size(); from += 500) {
            batch.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 500)));
        }
    }

    void update(long id, CameraDraft d, byte[] newCredentials) {
        String credentials = d.clearCredentials() ? "credentials = null," : newCredentials != null ? "credentials = ?," : "";
        List<Object> params = new ArrayList<>(List.of(d.siteId(), d.name(), d.make(), d.model(), d.resolution(), d.type().name()));
        params.add(d.heading());
        params.add(d.fieldOfView());
        params.add(d.mainStream());
        params.add(d.subStream());
        if (newCredentials != null) {
            params.add(newCredentials);
        }
        params.add(d.owner().name());
        params.add(d.partnerId());
        params.add(d.status().name());
        params.add(d.installedOn());
        params.add(d.location() == null ? null : d.location().lat());
        params.add(d.location() == null ? null : d.location().lon());
        params.add(d.onvifAddress());
        params.add(id);
        jdbc.sql("update registry.camera set site_id = ?, name = ?, make = ?, model = ?, resolution = ?, type = ?, heading = ?, "
                + "field_of_view = ?, main_stream = ?, sub_stream = ?, " + credentials
                + " owner = ?, partner_id = ?, status = ?, installed_on = ?, lat = ?, lon = ?, onvif_address = ? where id = ?")
            .params(params).update();
    }

    void retire(long id, Instant at, String reason) {
        jdbc.sql("update registry.camera set retired_at = ?, retire_reason = ? where id = ?").params(Rows.timestamp(at), reason, id).update();
    }

    /** Moves last-seen forward (never back) and sets the installation (null keeps it); answers the status before, or empty if no such camera. */
    Optional<CameraInstallation> markSeen(long id, Instant at, CameraInstallation newStatus) {
        return jdbc.sql("""
                update registry.camera c set last_seen = greatest(c.last_seen, ?), status = coalesce(?, c.status),
                       installed_on = coalesce(c.installed_on, ?)
                from registry.camera old where c.id = old.id and c.id = ? and c.retired_at is null
                returning old.status""")
            .params(Rows.timestamp(at), newStatus == null ? null : newStatus.name(),
                newStatus == null ? null : at.atZone(java.time.ZoneOffset.UTC).toLocalDate(), id)
            .query(String.class).optional().map(CameraInstallation::valueOf);
    }

    /** Cameras in service that are on their pole (not planned), by id. */
    List<Camera> installed() {
        return jdbc.sql(SELECT + " where c.retired_at is null and s.retired_at is null and c.status <> 'PLANNED' order by c.id")
            .query(CameraStore::map).list();
    }

    /** Installed cameras in service whose streams the Authority records (a view-only premises camera is not), by id. */
    List<Camera> recordedInstalled() {
        return jdbc.sql(SELECT + " where c.retired_at is null and s.retired_at is null and c.status <> 'PLANNED' and c.recorded order by c.id")
            .query(CameraStore::map).list();
    }

    Optional<byte[]> credentials(long id) {
        return jdbc.sql("select credentials from registry.camera where id = ? and credentials is not null")
            .param(id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static Where filter(CameraQuery query, Visibility visibility) {
        var where = new Where();
        query.apply(where);
        visibility.restrictCameras(where);
        return where;
    }

    /** A camera is inserted never heard from: last-seen is written only by {@link #markSeen}. */
    private static Object[] values(CameraDraft d, byte[] credentials) {
        return new Object[] {d.siteId(), d.name(), d.make(), d.model(), d.resolution(), d.type().name(), d.heading(),
            d.fieldOfView(), d.mainStream(), d.subStream(), credentials, d.owner().name(), d.partnerId(), d.status().name(),
            d.installedOn(), null, d.location() == null ? null : d.location().lat(),
            d.location() == null ? null : d.location().lon(), d.onvifAddress()};
    }

    private static Camera map(ResultSet rs, int row) throws SQLException {
        return new Camera(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"),
            SiteKind.valueOf(rs.getString("site_kind")), rs.getString("city_code"), rs.getString("city_name"),
            rs.getString("zone_code"), rs.getInt("phase"), rs.getString("name"), rs.getString("make"), rs.getString("model"),
            rs.getString("resolution"), CameraType.valueOf(rs.getString("type")), Rows.integer(rs, "heading"),
            Rows.integer(rs, "field_of_view"), rs.getString("main_stream"), rs.getString("sub_stream"),
            rs.getBoolean("has_credentials"), Owner.valueOf(rs.getString("owner")), Rows.bigint(rs, "partner_id"),
            CameraInstallation.valueOf(rs.getString("status")), Rows.date(rs, "installed_on"), Rows.instant(rs, "last_seen"),
            Rows.point(rs, "lat", "lon"), Rows.instant(rs, "retired_at"), rs.getString("retire_reason"),
            rs.getString("onvif_address"));
    }
}

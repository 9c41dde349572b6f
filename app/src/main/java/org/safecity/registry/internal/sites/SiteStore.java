package org.safecity.registry.internal.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safecity.registry.internal.Rows;
import org.safecity.registry.internal.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.safecity.storage.Where;

/** Sites in {@code registry.site}. */
@Repository
public class SiteStore {

    private static final String SELECT = """
        select s.id, s.name, s.kind, s.lat, s.lon, s.city_code, ci.name as city_name, s.zone_code, s.phase, s.status,
               s.surveyed_on, s.installed_on, s.commissioned_on, s.retired_at, s.retire_reason,
               (select count(*) from registry.camera c where c.site_id = s.id and c.retired_at is null) as cameras
        from registry.site s join registry.city ci on ci.code = s.city_code""";
    private static final String INSERT = """
        insert into registry.site (name, kind, lat, lon, city_code, zone_code, phase, status, surveyed_on, installed_on, commissioned_on)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SiteStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A site as listed: with its city's name and how many cameras in service stand there. */
    public record Listed(Site site, String cityName, long cameras) {
    }

    List<Listed> list(SiteQuery query, Visibility visibility, long limit, long offset) {
        var where = filter(query, visibility);
        String page = limit < 0 ? "" : " limit " + limit + " offset " + offset;
        return jdbc.sql(SELECT + where.where() + " order by s.id" + page).params(where.params()).query(SiteStore::map).list();
    }

    long count(SiteQuery query, Visibility visibility) {
        var where = filter(query, visibility);
        return jdbc.sql("select count(*) from registry.site s" + where.where()).params(where.params()).query(Long.class).single();
    }

    Optional<Listed> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SiteStore::map).optional();
    }

    public Optional<Listed> findInService(String cityCode, String name) {
        return jdbc.sql(SELECT + " where s.city_code = ? and lower(s.name) = lower(?) and s.retired_at is null")
            .params(cityCode, name.strip()).query(SiteStore::map).optional();
    }

    boolean hasCameraOf(long siteId, long partnerId) {
        return jdbc.sql("select count(*) from registry.camera where site_id = ? and partner_id = ?")
            .params(siteId, partnerId).query(Long.class).single() > 0;
    }

    boolean nameTaken(String cityCode, String name, long exceptId) {
        return jdbc.sql("select count(*) from registry.site where city_code = ? and lower(name) = lower(?) and retired_at is null and id <> ?")
            .params(cityCode, name.strip(), exceptId).query(Long.class).single() > 0;
    }

    public long insert(SiteDraft draft) {
        return jdbc.sql(INSERT + " returning id").params(values(draft)).query(Long.class).single();
    }

    /** Inserts many sites in JDBC batches; used by the file import and the demo network. */
    public void insertAll(List<SiteDraft> drafts) {
        for (int from = 0; from < drafts.size(); from += 500) {
            batch.batchUpdate(INSERT, drafts.subList(from, Math.min(drafts.size(), from + 500)).stream().map(SiteStore::values).toList());
        }
    }

    void update(long id, SiteDraft draft) {
        jdbc.sql("""
                update registry.site set name = ?, kind = ?, lat = ?, lon = ?, city_code = ?, zone_code = ?, phase = ?, status = ?,
                       surveyed_on = ?, installed_on = ?, commissioned_on = ? where id = ?""")
            .params(append(values(draft), id)).update();
    }

    void retire(long id, Instant at, String reason) {
        jdbc.sql("update registry.site set retired_at = ?, retire_reason = ? where id = ?").params(Rows.timestamp(at), reason, id).update();
    }

    private static Where filter(SiteQuery query, Visibility visibility) {
        var where = new Where();
        query.apply(where);
        visibility.restrictSites(where);
        return where;
    }

    private static Object[] values(SiteDraft d) {
        return new Object[] {d.name(), d.kind().name(), d.location().lat(), d.location().lon(), d.cityCode(), d.zoneCode(),
            d.phase(), d.status().name(), d.dates().surveyedOn(), d.dates().installedOn(), d.dates().commissionedOn()};
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static Listed map(ResultSet rs, int row) throws SQLException {
        var site = new Site(rs.getLong("id"), rs.getString("name"), SiteKind.valueOf(rs.getString("kind")),
            Rows.point(rs, "lat", "lon"), rs.getString("city_code"), rs.getString("zone_code"), rs.getInt("phase"),
            SiteStatus.valueOf(rs.getString("status")), Rows.date(rs, "surveyed_on"), Rows.date(rs, "installed_on"),
            Rows.date(rs, "commissioned_on"), Rows.instant(rs, "retired_at"), rs.getString("retire_reason"));
        return new Listed(site, rs.getString("city_name"), rs.getLong("cameras"));
    }
}

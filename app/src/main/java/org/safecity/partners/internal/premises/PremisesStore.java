package org.safecity.partners.internal.premises;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.identity.Jurisdiction;
import org.safecity.partners.internal.compliance.Compliance;
import org.safecity.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of premises, the points their cameras cover, and the history of their standing. */
@Repository
public class PremisesStore {

    private static final String COLUMNS = """
        id, name, category, owner_kind, owner_number, address, city_code, zone_code, lat, lon, licence_number,
        contact_name, contact_phone, contact_email, act_applies_from, registration, compliance_status,
        compliance_reasons::text as reasons, compliance_since, evaluated_at""";

    private final JdbcClient jdbc;
    /** Days known to be in {@code partners.compliance_day}: the trend asks the database about them no more. */
    private final Set<java.time.LocalDate> counted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PremisesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which premises a query reaches: a jurisdiction, and for a partner's account only its own premises. */
    public record Scope(Jurisdiction jurisdiction, Long premisesId) {
    }

    /** Filters of a listing; null means any. */
    public record Query(String cityCode, String zoneCode, String category, Compliance.Status status) {
    }

    enum Stored { CREATED, UPDATED, UNCHANGED }

    record Upserted(long id, Stored outcome) {
    }

    public Optional<Premises> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from partners.premises where id = ?").param(id).query(PremisesStore::premises).optional();
    }

    public Optional<Long> idOf(String cityCode, String licenceNumber) {
        return jdbc.sql("select id from partners.premises where city_code = ? and licence_number = ?")
            .params(cityCode, licenceNumber).query(Long.class).optional();
    }

    List<Premises> list(Query query, Scope scope, int limit, long offset) {
        var where = where(query, scope);
        String sql = "select " + COLUMNS + " from partners.premises p" + where.sql() + " order by city_code, name, id"
            + (limit < 0 ? "" : " limit " + limit + " offset " + offset);
        return jdbc.sql(sql).params(where.params()).query(PremisesStore::premises).list();
    }

    long count(Query query, Scope scope) {
        var where = where(query, scope);
        return jdbc.sql("select count(*) from partners.premises p" + where.sql()).params(where.params()).query(Long.class).single();
    }

    public record Where(String sql, List<Object> params) {
    }

    public static Where where(Query query, Scope scope) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (scope.jurisdiction().cityCode() != null) {
            conditions.add("p.city_code = ?");
            params.add(scope.jurisdiction().cityCode());
        }
        if (scope.jurisdiction().zoneCode() != null) {
            conditions.add("p.zone_code = ?");
            params.add(scope.jurisdiction().zoneCode());
        }
        if (scope.premisesId() != null) {
            conditions.add("p.id = ?");
            params.add(scope.premisesId());
        }
        if (query.cityCode() != null) {
            conditions.add("p.city_code = ?");
            params.add(query.cityCode());
        }
        if (query.zoneCode() != null) {
            conditions.add("p.zone_code = ?");
            params.add(query.zoneCode());
        }
        if (query.category() != null) {
            conditions.add("p.category = ?");
            params.add(query.category());
        }
        if (query.status() != null) {
            conditions.add("p.compliance_status = ?");
            params.add(query.status().name());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    /** Stores a new premises; empty when one with its licence number is already registered in its city. */
    public Optional<Long> insert(PremisesDraft d) {
        return jdbc.sql("""
                insert into partners.premises (name, category, owner_kind, owner_number, address, city_code, zone_code, lat, lon,
                    licence_number, contact_name, contact_phone, contact_email, act_applies_from, registration)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (city_code, licence_number) do nothing returning id""")
            .params(values(d)).query(Long.class).optional();
    }

    /**
     * Stores the premises under its natural key (licence number and city): new, changed, or left as it
     * was when nothing differs. Its registration is never set back by a re-run import.
     */
    Upserted upsert(PremisesDraft d) {
        var changed = jdbc.sql("""
                insert into partners.premises as p (name, category, owner_kind, owner_number, address, city_code, zone_code, lat, lon,
                    licence_number, contact_name, contact_phone, contact_email, act_applies_from, registration)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (city_code, licence_number) do update set
                    name = excluded.name, category = excluded.category, owner_kind = excluded.owner_kind,
                    owner_number = excluded.owner_number, address = excluded.address, zone_code = excluded.zone_code,
                    lat = excluded.lat, lon = excluded.lon, contact_name = excluded.contact_name,
                    contact_phone = excluded.contact_phone, contact_email = excluded.contact_email,
                    act_applies_from = excluded.act_applies_from
                where (p.name, p.category, p.owner_kind, p.owner_number, p.address, p.zone_code, p.lat, p.lon, p.contact_name,
                       p.contact_phone, p.contact_email, p.act_applies_from)
                      is distinct from
                      (excluded.name, excluded.category, excluded.owner_kind, excluded.owner_number, excluded.address,
                       excluded.zone_code, excluded.lat, excluded.lon, excluded.contact_name, excluded.contact_phone,
                       excluded.contact_email, excluded.act_applies_from)
                returning id, (xmax = 0) as created""")
            .params(values(d))
            .query((rs, n) -> new Upserted(rs.getLong("id"), rs.getBoolean("created") ? Stored.CREATED : Stored.UPDATED))
            .optional();
        return changed.orElseGet(() -> new Upserted(idOf(d.cityCode(), d.licenceNumber()).orElseThrow(), Stored.UNCHANGED));
    }

    private static List<Object> values(PremisesDraft d) {
        return Arrays.asList(d.name(), d.category(), d.owner().kind().name(), d.owner().number(), d.address(), d.cityCode(),
            d.zoneCode(), d.location().lat(), d.location().lon(), d.licenceNumber(), d.contact().name(), d.contact().phone(),
            d.contact().email(), d.actAppliesFrom(), d.registration().name());
    }

    /** What an evaluation needs of every premises, in one read. */
    public record Standing(long id, String category, Registration registration, java.time.LocalDate actAppliesFrom,
                    Compliance.Status status, String reasonsJson) {
    }

    private static final String STANDING = """
        select id, category, registration, act_applies_from, compliance_status, compliance_reasons::text as reasons
        from partners.premises""";

    public List<Standing> standings() {
        return jdbc.sql(STANDING + " order by id").query((rs, n) -> standing(rs)).list();
    }

    /** One premises' standing, locked until the transaction ends: two evaluations do not record one change twice. */
    public Optional<Standing> standing(long id) {
        return jdbc.sql(STANDING + " where id = ? for update").param(id).query((rs, n) -> standing(rs)).optional();
    }

    private static Standing standing(ResultSet rs) throws SQLException {
        return new Standing(rs.getLong("id"), rs.getString("category"), Registration.valueOf(rs.getString("registration")),
            rs.getObject("act_applies_from", java.time.LocalDate.class), Compliance.Status.valueOf(rs.getString("compliance_status")),
            rs.getString("reasons"));
    }

    /** A premises' new standing: kept on the premises, and a line of its history. */
    public void changeStanding(long id, Compliance.Status from, Compliance.Status to, String reasonsJson, Instant at) {
        jdbc.sql("""
                update partners.premises set compliance_status = ?, compliance_reasons = ?::jsonb, evaluated_at = ?,
                    compliance_since = case when compliance_status = ? and compliance_since is not null then compliance_since else ? end
                where id = ?""")
            .params(to.name(), reasonsJson, Timestamp.from(at), to.name(), Timestamp.from(at), id).update();
        jdbc.sql("insert into partners.compliance_change (premises_id, changed_at, from_status, to_status, reasons) values (?, ?, ?, ?, ?::jsonb)")
            .params(id, Timestamp.from(at), from == null ? null : from.name(), to.name(), reasonsJson).update();
    }

    public void markEvaluated(Set<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("update partners.premises set evaluated_at = ? where id = any(?)")
                .params(Timestamp.from(at), ids.toArray(Long[]::new)).update();
        }
    }

    void register(long id) {
        jdbc.sql("update partners.premises set registration = 'REGISTERED' where id = ?").param(id).update();
    }

    record Change(Instant at, Compliance.Status from, Compliance.Status to, String reasonsJson) {
    }

    List<Change> history(long premisesId, int limit) {
        return jdbc.sql("""
                select changed_at, from_status, to_status, reasons::text as reasons from partners.compliance_change
                where premises_id = ? order by changed_at desc, id desc limit ?""")
            .params(premisesId, limit)
            .query((rs, n) -> new Change(rs.getTimestamp("changed_at").toInstant(),
                rs.getString("from_status") == null ? null : Compliance.Status.valueOf(rs.getString("from_status")),
                Compliance.Status.valueOf(rs.getString("to_status")), rs.getString("reasons")))
            .list();
    }

    /** The points each camera of the premises covers, by camera id. */
    public Map<Long, Set<String>> points(long premisesId) {
        return points("where premises_id = ?", List.of(premisesId));
    }

    public Map<Long, Set<String>> allPoints() {
        return points("", List.of());
    }

    private Map<Long, Set<String>> points(String where, List<Object> params) {
        Map<Long, Set<String>> answer = new HashMap<>();
        jdbc.sql("select camera_id, points from partners.camera_points " + where).params(params)
            .query((ResultSet rs) -> {
                Array array = rs.getArray("points");
                answer.put(rs.getLong("camera_id"), new LinkedHashSet<>(Arrays.asList((String[]) array.getArray())));
            });
        return answer;
    }

    void setPoints(long cameraId, long premisesId, List<String> points) {
        jdbc.sql("""
                insert into partners.camera_points (camera_id, premises_id, points) values (?, ?, ?)
                on conflict (camera_id) do update set premises_id = excluded.premises_id, points = excluded.points""")
            .params(cameraId, premisesId, points.toArray(String[]::new)).update();
    }

    /** Premises of a scope counted by status: in total, by city, by category and by police station. */
    public record Breakdowns(Map<String, Map<Compliance.Status, Long>> byCity, Map<String, Map<Compliance.Status, Long>> byCategory,
                      Map<String, Map<Compliance.Status, Long>> byZone) {
    }

    /** The three breakdowns in one scan of the register (grouping sets), not one query each. */
    public Breakdowns breakdowns(Scope scope) {
        var where = where(new Query(null, null, null, null), scope);
        var byCity = new LinkedHashMap<String, Map<Compliance.Status, Long>>();
        var byCategory = new LinkedHashMap<String, Map<Compliance.Status, Long>>();
        var byZone = new LinkedHashMap<String, Map<Compliance.Status, Long>>();
        jdbc.sql("""
                select grouping(city_code) as no_city, grouping(category) as no_category, city_code, category,
                       coalesce(zone_code, '') as zone, compliance_status, count(*) as n
                from partners.premises p""" + where.sql() + """
                 group by grouping sets ((city_code, compliance_status), (category, compliance_status),
                                         (coalesce(zone_code, ''), compliance_status))
                order by 3, 4, 5, 6""")
            .params(where.params())
            .query((ResultSet rs) -> {
                Map<String, Map<Compliance.Status, Long>> into;
                String key;
                if (rs.getInt("no_city") == 0) {
                    into = byCity;
                    key = rs.getString("city_code");
                } else if (rs.getInt("no_category") == 0) {
                    into = byCategory;
                    key = rs.getString("category");
                } else {
                    into = byZone;
                    key = rs.getString("zone");
                }
                into.computeIfAbsent(key, k -> new java.util.EnumMap<>(Compliance.Status.class))
                    .put(Compliance.Status.valueOf(rs.getString("compliance_status")), rs.getLong("n"));
            });
        return new Breakdowns(sorted(byCity), sorted(byCategory), sorted(byZone));
    }

    private static Map<String, Map<Compliance.Status, Long>> sorted(Map<String, Map<Compliance.Status, Long>> counts) {
        return new java.util.TreeMap<>(counts);
    }

    /**
     * How many premises of the scope stood at each status at the end of each of the last {@code weeks} weeks:
     * week 0 is now (the standing recorded on each premises), week k the end of the day (Pakistan time) k
     * weeks ago, from the day counts ({@link #countDays}), which are made the first time a day is asked for.
     */
    public Map<Integer, Map<Compliance.Status, Long>> trend(Scope scope, int weeks, Instant now) {
        if (scope.premisesId() != null) {
            return trendFromHistory(scope, weeks, now); // one premises: its own history is short
        }
        var today = now.atZone(org.safecity.shared.TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        var days = new ArrayList<java.time.LocalDate>();
        for (int k = 1; k < weeks; k++) {
            days.add(today.minusWeeks(k));
        }
        countDays(days, now);
        var where = where(new Query(null, null, null, null), scope);
        // week 0 from the register itself, the past weeks from the day counts: one round trip
        List<Object> params = new ArrayList<>(where.params());
        params.add(today);
        params.addAll(where.params());
        params.add(days.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new));
        Map<Integer, Map<Compliance.Status, Long>> answer = new java.util.TreeMap<>();
        jdbc.sql("select 0 as k, compliance_status as status, count(*) as n from partners.premises p" + where.sql() + " group by 1, 2"
                + " union all select (?::date - day) / 7, status, sum(premises) from partners.compliance_day p"
                + (where.sql().isEmpty() ? " where " : where.sql() + " and ") + "day = any(?::date[]) group by 1, 2")
            .params(params)
            .query((ResultSet rs) -> {
                answer.computeIfAbsent(rs.getInt("k"), k -> new java.util.EnumMap<>(Compliance.Status.class))
                    .put(Compliance.Status.valueOf(rs.getString("status")), rs.getLong("n"));
            });
        return answer;
    }

    /**
     * Counts the premises by city, police station, category and status at the end of each of {@code days}
     * not yet counted, in one pass over the history; a day not yet over is never counted. Two instances
     * counting at once count a day once (the counted day is the key).
     */
    public void countDays(List<java.time.LocalDate> days, Instant now) {
        var zone = org.safecity.shared.TimeConfiguration.DISPLAY_ZONE;
        var over = days.stream().filter(d -> !d.plusDays(1).atStartOfDay(zone).toInstant().isAfter(now))
            .filter(d -> !counted.contains(d)).toList();
        if (over.isEmpty()) {
            return;
        }
        // one statement: a day is claimed and counted together, so a failure leaves it uncounted, never empty
        jdbc.sql("""
                with claimed as (
                    insert into partners.compliance_day_counted (day, counted_at) select d, ? from unnest(?::date[]) d
                    on conflict do nothing returning day
                ),
                day_end as (select day, (day + 1)::timestamp at time zone ? as at from claimed),
                held as (
                    select c.premises_id, c.to_status, c.changed_at,
                           lead(c.changed_at) over (partition by c.premises_id order by c.changed_at, c.id) as until_at
                    from partners.compliance_change c
                    where exists (select 1 from claimed)
                )
                insert into partners.compliance_day (day, city_code, zone_code, category, status, premises)
                select e.day, p.city_code, coalesce(p.zone_code, ''), p.category, h.to_status, count(*)
                from day_end e join held h on h.changed_at < e.at and (h.until_at is null or h.until_at >= e.at)
                join partners.premises p on p.id = h.premises_id
                group by 1, 2, 3, 4, 5""")
            .params(Timestamp.from(now), over.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new), zone.getId())
            .update();
        // counted now or by another instance before: a counted day never changes, so it is remembered here
        counted.addAll(over);
    }

    /** The trend from the history itself, walked whole on each call: for a scope of one premises (and the benchmark's baseline). */
    public Map<Integer, Map<Compliance.Status, Long>> trendFromHistory(Scope scope, int weeks, Instant now) {
        var where = where(new Query(null, null, null, null), scope);
        List<Object> params = new ArrayList<>(where.params());
        params.add(Timestamp.from(now));
        params.add(weeks - 1);
        Map<Integer, Map<Compliance.Status, Long>> answer = new java.util.TreeMap<>();
        jdbc.sql("""
                with held as (
                    select c.to_status, c.changed_at,
                           lead(c.changed_at) over (partition by c.premises_id order by c.changed_at, c.id) as until_at
                    from partners.compliance_change c join partners.premises p on p.id = c.premises_id""" + where.sql() + """
                ),
                week_end as (select k, ?::timestamptz - make_interval(weeks => k) as at from generate_series(0, ?) as k)
                select w.k, h.to_status, count(*) as n
                from week_end w join held h on h.changed_at <= w.at and (h.until_at is null or h.until_at > w.at)
                group by w.k, h.to_status""")
            .params(params)
            .query((ResultSet rs) -> {
                answer.computeIfAbsent(rs.getInt("k"), k -> new java.util.EnumMap<>(Compliance.Status.class))
                    .put(Compliance.Status.valueOf(rs.getString("to_status")), rs.getLong("n"));
            });
        return answer;
    }

    private static Premises premises(ResultSet rs, int n) throws SQLException {
        Timestamp since = rs.getTimestamp("compliance_since");
        Timestamp evaluated = rs.getTimestamp("evaluated_at");
        return new Premises(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
            new Premises.Owner(Premises.Owner.Kind.valueOf(rs.getString("owner_kind")), rs.getString("owner_number")),
            rs.getString("address"), rs.getString("city_code"), rs.getString("zone_code"),
            new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")), rs.getString("licence_number"),
            new Premises.Contact(rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email")),
            rs.getObject("act_applies_from", java.time.LocalDate.class), Registration.valueOf(rs.getString("registration")),
            Compliance.Status.valueOf(rs.getString("compliance_status")), rs.getString("reasons"),
            since == null ? null : since.toInstant(), evaluated == null ? null : evaluated.toInstant());
    }
}

package org.safecity.registry.internal.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.internal.Rows;
import org.safecity.registry.internal.presence.PresenceLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rollout phases in {@code registry.phase}, with how far each has come. */
@Repository
public class PhaseStore {

    private static final String SELECT = """
        select p.number, p.name, p.planned_sites, p.planned_cameras, p.budget_pkr, p.duration_months, p.start_date, p.notes,
               array(select pc.city_code from registry.phase_city pc where pc.phase = p.number order by pc.position) as cities
        from registry.phase p""";

    private final JdbcClient jdbc;

    private final Clock clock;

    PhaseStore(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Counts of what exists in a phase (retired records excluded). */
    record Progress(long sites, long commissionedSites, long cameras, long installedCameras, long onlineCameras,
                    LocalDate lastInstalledOn) {
        static final Progress NONE = new Progress(0, 0, 0, 0, 0, null);
    }

    public List<Phase> all() {
        return jdbc.sql(SELECT + " order by p.number").query(PhaseStore::map).list();
    }

    public Optional<Phase> find(int number) {
        return jdbc.sql(SELECT + " where p.number = ?").param(number).query(PhaseStore::map).optional();
    }

    Progress progress(int number) {
        return jdbc.sql("""
                select
                  (select count(*) from registry.site s where s.phase = :n and s.retired_at is null and s.kind <> 'PREMISES') as sites,
                  (select count(*) from registry.site s where s.phase = :n and s.retired_at is null and s.kind <> 'PREMISES'
                     and s.status = 'COMMISSIONED') as commissioned_sites,
                  count(c.id) as cameras,
                  count(c.id) filter (where c.status <> 'PLANNED') as installed,
                  count(c.id) filter (where %s) as online,
                  max(c.installed_on) as last_installed
                from registry.camera c join registry.site s on s.id = c.site_id
                where s.phase = :n and s.kind <> 'PREMISES' and s.retired_at is null and c.retired_at is null""".formatted(
                    // online as observed, never as planned
                    PresenceLog.observedIs(CameraPresence.Observed.ONLINE, "c")))
            .param("n", number)
            .param("heardSince", Rows.timestamp(clock.instant().minus(CameraPresence.HEARD_WITHIN)))
            .query((rs, row) -> new Progress(rs.getLong("sites"), rs.getLong("commissioned_sites"), rs.getLong("cameras"),
                rs.getLong("installed"), rs.getLong("online"), Rows.date(rs, "last_installed")))
            .single();
    }

    void insertIfMissing(Phase phase) {
        int inserted = jdbc.sql("""
                insert into registry.phase (number, name, planned_sites, planned_cameras, budget_pkr, duration_months, start_date, notes)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (number) do nothing""")
            .params(phase.number(), phase.name(), phase.plannedSites(), phase.plannedCameras(), phase.budgetPkr(),
                phase.durationMonths(), phase.startDate(), phase.notes())
            .update();
        if (inserted == 1) {
            for (int i = 0; i < phase.cityCodes().size(); i++) {
                jdbc.sql("insert into registry.phase_city (phase, city_code, position) values (?, ?, ?)")
                    .params(phase.number(), phase.cityCodes().get(i), i).update();
            }
        }
    }

    void update(Phase phase) {
        jdbc.sql("""
                update registry.phase set name = ?, planned_sites = ?, planned_cameras = ?, budget_pkr = ?,
                       duration_months = ?, start_date = ?, notes = ? where number = ?""")
            .params(phase.name(), phase.plannedSites(), phase.plannedCameras(), phase.budgetPkr(), phase.durationMonths(),
                phase.startDate(), phase.notes(), phase.number())
            .update();
    }

    private static Phase map(ResultSet rs, int row) throws SQLException {
        String[] cities = (String[]) rs.getArray("cities").getArray();
        return new Phase(rs.getInt("number"), rs.getString("name"), List.copyOf(Arrays.asList(cities)),
            Rows.integer(rs, "planned_sites"), Rows.integer(rs, "planned_cameras"), Rows.bigint(rs, "budget_pkr"),
            Rows.integer(rs, "duration_months"), Rows.date(rs, "start_date"), rs.getString("notes"));
    }
}

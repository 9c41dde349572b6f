package org.safecity.emergency.internal.taxonomy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.figures.ResponseTarget;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.emergency.internal.units.UnitStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incident types and response targets ({@code emergency.incident_type}, {@code response_target}). */
@Repository
public class TaxonomyStore {

    private final JdbcClient jdbc;

    TaxonomyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IncidentType> types() {
        return jdbc.sql("select code, name, default_priority, unit_types, active from emergency.incident_type order by default_priority, code")
            .query((rs, n) -> type(rs)).list();
    }

    public Optional<IncidentType> type(String code) {
        return jdbc.sql("select code, name, default_priority, unit_types, active from emergency.incident_type where code = :c")
            .param("c", code).query((rs, n) -> type(rs)).optional();
    }

    void saveType(IncidentType type) {
        jdbc.sql("""
                insert into emergency.incident_type (code, name, default_priority, unit_types, active)
                values (:c, :n, :p, :u, :a)
                on conflict (code) do update set name = excluded.name, default_priority = excluded.default_priority,
                    unit_types = excluded.unit_types, active = excluded.active""")
            .param("c", type.code()).param("n", type.name()).param("p", type.defaultPriority().name())
            .param("u", type.unitTypes().stream().map(Enum::name).toArray(String[]::new)).param("a", type.active())
            .update();
    }

    List<ResponseTarget> targets() {
        return jdbc.sql("select priority, call_to_dispatch_seconds, dispatch_to_arrival_seconds from emergency.response_target order by priority")
            .query((rs, n) -> new ResponseTarget(Priority.valueOf(rs.getString(1)), Duration.ofSeconds(rs.getInt(2)),
                Duration.ofSeconds(rs.getInt(3))))
            .list();
    }

    public ResponseTarget target(Priority priority) {
        return targets().stream().filter(t -> t.priority() == priority).findFirst().orElseThrow();
    }

    void saveTarget(ResponseTarget target) {
        jdbc.sql("update emergency.response_target set call_to_dispatch_seconds = :c, dispatch_to_arrival_seconds = :d where priority = :p")
            .param("c", (int) target.callToDispatch().toSeconds()).param("d", (int) target.dispatchToArrival().toSeconds())
            .param("p", target.priority().name()).update();
    }

    private static IncidentType type(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IncidentType(rs.getString("code"), rs.getString("name"), Priority.valueOf(rs.getString("default_priority")),
            UnitStore.strings(rs.getArray("unit_types")).stream().map(UnitType::valueOf).toList(), rs.getBoolean("active"));
    }
}

package org.safecity.emergency.internal.figures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.identity.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Missed response targets ({@code emergency.target_breach}); one per incident and measure. */
@Repository
public class BreachStore {

    private static final String SELECT = "select b.id, b.incident_id, b.measure, b.priority, b.target_seconds, b.detected_at, "
        + "i.city_code, i.zone_code, i.type from emergency.target_breach b join emergency.incident i on i.id = b.incident_id ";

    private final JdbcClient jdbc;

    BreachStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the breach unless it is already recorded; true when this call recorded it. */
    boolean record(long incidentId, String measure, Priority priority, int targetSeconds, Instant at) {
        return jdbc.sql("insert into emergency.target_breach (incident_id, measure, priority, target_seconds, detected_at) "
                + "values (:i, :m, :p, :t, :at) on conflict (incident_id, measure) do nothing")
            .param("i", incidentId).param("m", measure).param("p", priority.name()).param("t", targetSeconds)
            .param("at", Timestamp.from(at)).update() == 1;
    }

    public List<Breach> ofIncident(long incidentId) {
        return jdbc.sql(SELECT + "where b.incident_id = :i order by b.detected_at").param("i", incidentId)
            .query((rs, n) -> breach(rs)).list();
    }

    List<Breach> recent(Jurisdiction scope, Instant since) {
        return jdbc.sql(SELECT + "where b.detected_at >= :since and" + IncidentStore.IN_JURISDICTION + "order by b.detected_at desc limit 200")
            .param("since", Timestamp.from(since)).param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query((rs, n) -> breach(rs)).list();
    }

    private static Breach breach(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Breach(rs.getLong(1), rs.getLong(2), rs.getString(3), Priority.valueOf(rs.getString(4)), rs.getInt(5),
            IncidentStore.instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}

package org.safecity.emergency.internal.incidents;

import java.util.List;
import org.safecity.emergency.IncidentLookup;
import org.safecity.identity.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link IncidentLookup} from the calls and incidents tables, within the caller's jurisdiction. */
@Component
class LookingUpIncidents implements IncidentLookup {

    private final JdbcClient jdbc;

    LookingUpIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IncidentSummary> calledFrom(String phoneDigits, int limit) {
        var scope = CurrentActor.jurisdiction();
        // Numbers are stored as the call-taker typed them; the last ten digits compare +92 300..., 0300... and 300... alike.
        return jdbc.sql("""
                select distinct on (i.id) i.id, i.type, i.status, i.city_code, i.address, i.opened_at, c.caller_name
                from emergency.call c join emergency.incident i on i.id = c.incident_id
                where right(regexp_replace(c.caller_number, '[^0-9]', '', 'g'), 10) = ?
                  and (cast(? as text) is null or i.city_code = ?) and (cast(? as text) is null or i.zone_code = ?)
                order by i.id desc limit ?""")
            .params(phoneDigits, scope.cityCode(), scope.cityCode(), scope.zoneCode(), scope.zoneCode(), limit)
            .query((rs, n) -> new IncidentSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7)))
            .list();
    }
}

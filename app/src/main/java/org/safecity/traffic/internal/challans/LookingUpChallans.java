package org.safecity.traffic.internal.challans;

import java.util.Collection;
import java.util.List;
import org.safecity.identity.CurrentActor;
import org.safecity.traffic.ChallanLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ChallanLookup} from the challans table, within the caller's jurisdiction. */
@Component
class LookingUpChallans implements ChallanLookup {

    private final JdbcClient jdbc;

    LookingUpChallans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChallanSummary> find(Collection<String> plates, String ownerCnic, int limit) {
        var scope = CurrentActor.jurisdiction();
        return jdbc.sql("""
                select * from traffic.challan where (plate = any(string_to_array(?, ',')) or owner_cnic = ?)
                  and (cast(? as text) is null or city_code = ?) and (cast(? as text) is null or zone_code = ?)
                order by observed_at desc limit ?""")
            .params(String.join(",", plates), ownerCnic, scope.cityCode(), scope.cityCode(), scope.zoneCode(), scope.zoneCode(), limit)
            .query(ChallanStore::challan).list().stream()
            .map(c -> new ChallanSummary(c.number(), c.plate(), c.offenceName(), c.finePkr(), c.observedAt(), c.dueDate(), c.status().name(),
                c.owner().name(), c.place().cityCode()))
            .toList();
    }
}
